import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  SyntheticCluster,
  writeSyntheticClusterOpenMetrics,
} from './syntheticCluster';

const repoRoot = path.resolve(__dirname, '../../../../..');

/** A Prometheus the tests may backfill into: scripts/prometheus/start.sh's. */
export interface TestPrometheus {
  /** e.g. http://127.0.0.1:59090 */
  url: string;
  /** The run directory of start.sh (holds data/, env, logs/). */
  runDir: string;
}

/**
 * The Prometheus the Jest global setup (or `make test`) started, from
 * BISON_PROMETHEUS_URL and BISON_PROMETHEUS_RUN_DIR. Undefined when there is
 * none, so that its tests can be skipped, unless BISON_REQUIRE_ALL_TEST_SERVICES
 * is set (as `make test` and CI do): then a missing Prometheus throws and
 * fails the test file instead.
 */
export function testPrometheus(): TestPrometheus | undefined {
  const url = process.env.BISON_PROMETHEUS_URL;
  const runDir = process.env.BISON_PROMETHEUS_RUN_DIR;
  if (url && runDir) return { url, runDir };
  if (process.env.BISON_REQUIRE_ALL_TEST_SERVICES) {
    throw new Error(
      'Prometheus is required (BISON_REQUIRE_ALL_TEST_SERVICES) but BISON_PROMETHEUS_URL and BISON_PROMETHEUS_RUN_DIR are not set: the Jest global setup could not start it (scripts/prometheus/start.sh)',
    );
  }
  return undefined;
}

/**
 * Backfills OpenMetrics files into the test Prometheus with
 * scripts/prometheus/backfill.sh (promtool tsdb create-blocks-from
 * openmetrics into its data directory, then a forced reload): the data is
 * queryable when this resolves.
 */
export async function backfillPrometheus(
  server: TestPrometheus,
  ...files: string[]
): Promise<void> {
  await promisify(execFile)(
    path.join(repoRoot, 'scripts/prometheus/backfill.sh'),
    [server.runDir, ...files],
    { maxBuffer: 1 << 20 },
  );
}

/**
 * Writes the cluster as OpenMetrics (see writeSyntheticClusterOpenMetrics)
 * into a temporary file, backfills it, and removes the file. Give each test
 * file's cluster its own label (e.g. `labels: { cluster: <random id> }`)
 * and select it with the source's label matchers: test files share the
 * server, and a kept run directory keeps the data of earlier runs.
 */
export async function backfillSyntheticCluster(
  server: TestPrometheus,
  cluster: SyntheticCluster,
): Promise<{ samples: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bison-backfill-'));
  try {
    const file = path.join(dir, 'cluster.om');
    const written = await writeSyntheticClusterOpenMetrics(cluster, file);
    await backfillPrometheus(server, file);
    return written;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
