import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../../../..');

/** A loopback port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * For the Jest global setup: a real Prometheus (the Debian package) for the
 * usage-source tests. Uses the one `make test` started (BISON_PROMETHEUS_URL
 * set), or starts one with scripts/prometheus/start.sh on a free loopback
 * port (BISON_PROMETHEUS_PORT to choose one) and exports its URL and run
 * directory for the test workers. When it cannot start, fails the run if
 * BISON_REQUIRE_ALL_TEST_SERVICES is set, else warns and its tests skip.
 */
export async function startTestPrometheus(): Promise<void> {
  if (process.env.BISON_PROMETHEUS_URL) return;
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'bison-prometheus-'));
  try {
    execFileSync(path.join(repoRoot, 'scripts/prometheus/start.sh'), [runDir], {
      stdio: 'inherit',
      env: {
        ...process.env,
        BISON_PROMETHEUS_PORT:
          process.env.BISON_PROMETHEUS_PORT ?? String(await freePort()),
      },
    });
  } catch (error) {
    rmSync(runDir, { recursive: true, force: true });
    const message = `Prometheus could not be started (scripts/prometheus/start.sh; install it with scripts/prometheus/install.sh): ${
      (error as Error).message
    }`;
    if (process.env.BISON_REQUIRE_ALL_TEST_SERVICES) {
      throw new Error(
        `${message}. It is required (BISON_REQUIRE_ALL_TEST_SERVICES).`,
      );
    }
    // eslint-disable-next-line no-console
    console.warn(`${message}. Its tests are skipped.`);
    return;
  }
  for (const line of readFileSync(path.join(runDir, 'env'), 'utf8').split(
    '\n',
  )) {
    const match = /^export ([A-Z0-9_]+)=(.*)$/.exec(line);
    if (match) process.env[match[1]] = match[2].replace(/^['"]|['"]$/g, '');
  }
  process.env.BISON_PROMETHEUS_RUN_DIR_STARTED_BY_JEST = runDir;
}

/** For the Jest global teardown: stops the Prometheus startTestPrometheus started, if it did. */
export async function stopTestPrometheus(): Promise<void> {
  const runDir = process.env.BISON_PROMETHEUS_RUN_DIR_STARTED_BY_JEST;
  if (!runDir) return;
  execFileSync(path.join(repoRoot, 'scripts/prometheus/stop.sh'), [runDir], {
    stdio: 'inherit',
  });
  rmSync(runDir, { recursive: true, force: true });
  delete process.env.BISON_PROMETHEUS_RUN_DIR_STARTED_BY_JEST;
}
