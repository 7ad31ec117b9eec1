import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { stopTestPrometheus } from '../prometheus/globalSetup';

const repoRoot = path.resolve(__dirname, '../../../../..');

/**
 * Stops the control plane and the Prometheus the global setup started, if it
 * started them.
 */
export default async function globalTeardown() {
  try {
    stopKubernetes();
  } finally {
    await stopTestPrometheus();
  }
}

function stopKubernetes() {
  const runDir = process.env.BISON_K8S_RUN_DIR_STARTED_BY_JEST;
  if (!runDir) return;
  execFileSync(path.join(repoRoot, 'scripts/kube/stop.sh'), [runDir], {
    stdio: 'inherit',
  });
  rmSync(runDir, { recursive: true, force: true });
}
