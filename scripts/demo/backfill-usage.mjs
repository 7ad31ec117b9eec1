// Backfills the demo usage (scripts/demo/usage.mjs) into a Prometheus started
// by scripts/prometheus/start.sh, and writes <run-dir>/app-config.billing.yaml
// pointing the billing engine at it: the Prometheus usage source, selecting
// the demo's series by their own `cluster` label (the Prometheus of
// `make test` holds the Jest tests' clusters too), billing from the first
// hour of the data with no settle delay and all of it in one run.
//
// The first run is meant to be started by scripts/seed-demo.mjs once the demo
// teams and their projects exist: usage of a namespace no team owns yet is
// recorded as unallocated for good. The schedule only starts after that.
//   node scripts/demo/backfill-usage.mjs <prometheus-run-dir>
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeDemoUsage } from './usage.mjs';

const CLUSTER = 'bison-demo';

const runDir = path.resolve(process.argv[2] ?? '');
const env = readFileSync(path.join(runDir, 'env'), 'utf8');
const url = /^export BISON_PROMETHEUS_URL=(.*)$/m.exec(env)?.[1];
if (!url) throw new Error(`no BISON_PROMETHEUS_URL in ${runDir}/env`);

const began = Date.now();
const file = path.join(runDir, 'demo-usage.om');
const usage = await writeDemoUsage(file, { labels: { cluster: CLUSTER } });
const written = Date.now();
try {
  execFileSync(
    new URL('../prometheus/backfill.sh', import.meta.url).pathname,
    [runDir, file],
    { stdio: 'inherit' },
  );
} finally {
  rmSync(file, { force: true });
}

writeFileSync(
  path.join(runDir, 'app-config.billing.yaml'),
  `# Written by scripts/demo/backfill-usage.mjs: bills the demo usage in the Prometheus at ${url}.
bison:
  billing:
    source: prometheus
    prometheus:
      baseUrl: ${url}
      labelMatchers: 'cluster="${CLUSTER}"'
    # The first hour of the demo data; every hour since is billed at once.
    startAt: ${usage.start.toISOString()}
    settleDelayMinutes: 0
    maxWindowsPerRun: 100
    # scripts/seed-demo.mjs starts the first run once the projects exist.
    schedule:
      frequency: { minutes: 2 }
      initialDelay: { minutes: 10 }
      timeout: { minutes: 10 }
`,
);
const seconds = ms => `${(ms / 1000).toFixed(1)} s`;
console.log(
  `demo: backfilled ${usage.samples} samples of usage into ${url}: ` +
    `${usage.start.toISOString()} to ${usage.lastHour.toISOString()}, ` +
    `and ahead to ${usage.end.toISOString()} ` +
    `(generated in ${seconds(written - began)}, loaded in ${seconds(
      Date.now() - written,
    )})`,
);
