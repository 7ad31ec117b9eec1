import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  startTestPrometheus,
  stopTestPrometheus,
} from '../prometheus/globalSetup';

const repoRoot = path.resolve(__dirname, '../../../../..');

/**
 * Jest global setup: a real kube-apiserver for the integration tests. Uses
 * the one `make test` started (BISON_K8S_SERVER set), or starts one with
 * scripts/kube/start.sh (which builds it from the Go module proxy on first
 * use) and stops it in the global teardown. Failing to start fails the run.
 *
 * Also a real Prometheus for the usage-source tests: see startTestPrometheus.
 */
export default async function globalSetup() {
  await startTestPrometheus();
  try {
    startKubernetes();
  } catch (error) {
    await stopTestPrometheus(); // Jest runs no teardown when the setup fails
    throw error;
  }
}

function startKubernetes() {
  if (process.env.BISON_K8S_SERVER) return;
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'bison-k8s-'));
  execFileSync(path.join(repoRoot, 'scripts/kube/start.sh'), [runDir], {
    stdio: 'inherit',
  });
  for (const line of readFileSync(path.join(runDir, 'env'), 'utf8').split(
    '\n',
  )) {
    const match = /^export ([A-Z0-9_]+)=(.*)$/.exec(line);
    if (match) process.env[match[1]] = match[2].replace(/^['"]|['"]$/g, '');
  }
  process.env.BISON_K8S_RUN_DIR_STARTED_BY_JEST = runDir;
}
