import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../../../..');

/** Stops the control plane the global setup started, if it started one. */
export default async function globalTeardown() {
  const runDir = process.env.BISON_K8S_RUN_DIR_STARTED_BY_JEST;
  if (!runDir) return;
  execFileSync(path.join(repoRoot, 'scripts/kube/stop.sh'), [runDir], {
    stdio: 'inherit',
  });
  rmSync(runDir, { recursive: true, force: true });
}
