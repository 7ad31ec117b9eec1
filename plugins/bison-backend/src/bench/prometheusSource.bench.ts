import { NamespaceUsage } from '@bison/plugin-bison-node';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, stat, statfs } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  SyntheticCluster,
  SyntheticContainer,
  SyntheticNode,
  writeSyntheticClusterOpenMetrics,
} from '../__testUtils__/prometheus/syntheticCluster';
import {
  backfillPrometheus,
  TestPrometheus,
  testPrometheus,
} from '../__testUtils__/prometheus/testPrometheus';
import { PrometheusUsageSource } from '../billing/sources/prometheus/PrometheusUsageSource';
import { buildWindowQueries } from '../billing/sources/prometheus/queries';
import { report, summarize, timed } from './stats';

/**
 * The Prometheus usage source on a real Prometheus (the Debian package,
 * started by the Jest global setup) holding one cluster of 20,000
 * namespaces (BISON_BENCH_PROMETHEUS_NAMESPACES), and one of a tenth of that
 * for the ratio. Per size: writing the OpenMetrics file, backfilling it
 * (promtool + a forced TSDB reload), then getUsage for one hour: the first
 * call after the backfill, the median of 5 more, the five queries on their
 * own (Prometheus' own timings and sample counts) and Prometheus' peak RSS.
 * The answer is checked line by line against what the data implies.
 *
 * Each namespace has one pod with one container (cpu and memory requests,
 * cAdvisor usage; each cAdvisor metric also has the pod cgroup and pause
 * container series, as real cAdvisor does), every 10th one also a GPU pod on
 * an A100 node. The data covers the window plus 10 minutes before it
 * (rate()[5m] and the lookback) and 5 after it (the freshness check), at one
 * sample a minute, inside one 2-hour block so that promtool writes a single
 * block. Each size has its own `cluster` label and its own block.
 *
 * Timing is printed, not asserted; a getUsage that fails (typically
 * Prometheus' --query.timeout, 2m by default in start.sh, on a small or busy
 * host at 20,000 namespaces) is reported and the warm runs stop. promCpuS,
 * the CPU seconds Prometheus spent, is what to compare across hosts: wall
 * time grows with whatever else runs. To measure past the 2m limit, point
 * BISON_PROMETHEUS_URL and BISON_PROMETHEUS_RUN_DIR at a server started with
 * a longer --query.timeout. Needs about 3 GB free in the temporary directory
 * at 20,000 namespaces (deleted after the backfill) and about 4 GB of memory
 * for promtool.
 */
jest.setTimeout(60 * 60_000);

const NAMESPACES = Number(
  process.env.BISON_BENCH_PROMETHEUS_NAMESPACES ?? 20_000,
);
const SIZES = [Math.max(1, Math.round(NAMESPACES / 10)), NAMESPACES];
const WARM_RUNS = 5;
const GPU_EVERY = 10;
const PODS_PER_NODE = 100;
const GPU_PODS_PER_NODE = 8;

const MINUTE = 60;
const HOUR = 3600;
const BLOCK = 2 * HOUR;
const MiB = 2 ** 20;
/** The window starts this long after its block; the data 10 minutes earlier. */
const WINDOW_OFFSET = 15 * MINUTE;
const DATA_BEFORE = 10 * MINUTE;
const DATA_AFTER = 5 * MINUTE;
const STEP = MINUTE;

const prometheus = testPrometheus();
const describeWithPrometheus = prometheus ? describe : describe.skip;

/** Thousandths as a plain decimal without trailing zeros: 1250 → '1.25'. */
function formatMilli(milli: number): string {
  const whole = Math.floor(milli / 1000);
  const fraction = String(milli % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

const CPU_REQUEST_MILLI = [100, 250, 500, 1000, 2000];

/**
 * The cluster of `namespaces` namespaces whose data covers
 * [windowStart - 10m, windowStart + 1h + 5m], and the usage getUsage must
 * answer for [windowStart, windowStart + 1h): per container max(request,
 * usage) for a full hour, so core-hours are the larger of the two in cores.
 */
function benchCluster(
  namespaces: number,
  windowStart: number,
  clusterLabel: string,
): { cluster: SyntheticCluster; expected: NamespaceUsage[] } {
  const containers: SyntheticContainer[] = [];
  const nodes = new Map<string, SyntheticNode>();
  const expected: NamespaceUsage[] = [];
  for (let i = 0; i < namespaces; i++) {
    const namespace = `team-${String(Math.floor(i / 10)).padStart(
      4,
      '0',
    )}-project-${i % 10}`;
    const node = `node-${Math.floor(i / PODS_PER_NODE)}`;
    nodes.set(node, { name: node, labels: { 'kubernetes.io/arch': 'amd64' } });
    // Requests 0.1–2 cores, usage 0.15–1.05 (never equal); memory requests
    // 256 MiB–2 GiB, working sets 384 MiB–1.875 GiB: multiples of 1/8 GiB.
    const cpuRequest = CPU_REQUEST_MILLI[i % CPU_REQUEST_MILLI.length];
    const cpuUsage = 150 * ((i % 7) + 1);
    const memoryRequest = 256 * ((i % 8) + 1);
    const workingSet = 384 * ((i % 5) + 1);
    containers.push({
      namespace,
      pod: `web-${i.toString(36)}`,
      node,
      requests: { cpu: cpuRequest / 1000, memory: memoryRequest * MiB },
      cpuUsageCores: cpuUsage / 1000,
      memoryWorkingSetBytes: workingSet * MiB,
    });
    let cpuMilli = Math.max(cpuRequest, cpuUsage);
    let memoryMiB = Math.max(memoryRequest, workingSet);
    const lines: NamespaceUsage[] = [];
    if (i % GPU_EVERY === 0) {
      // 1–4 GPUs; 1 core (usage 0.5) and 4 GiB (working set 2 GiB).
      const gpuNode = `gpu-${Math.floor(i / GPU_EVERY / GPU_PODS_PER_NODE)}`;
      nodes.set(gpuNode, {
        name: gpuNode,
        labels: { 'nvidia.com/gpu.product': 'A100' },
      });
      const gpus = (Math.floor(i / GPU_EVERY) % 4) + 1;
      containers.push({
        namespace,
        pod: `train-${i.toString(36)}`,
        node: gpuNode,
        requests: { cpu: 1, memory: 4096 * MiB, 'nvidia.com/gpu': gpus },
        cpuUsageCores: 0.5,
        memoryWorkingSetBytes: 2048 * MiB,
      });
      cpuMilli += 1000;
      memoryMiB += 4096;
      lines.push({
        namespace,
        resource: 'nvidia.com/gpu:A100',
        quantity: String(gpus),
      });
    }
    lines.push(
      { namespace, resource: 'cpu', quantity: formatMilli(cpuMilli) },
      // MiB are multiples of 128: 1000/1024 of them are whole milli-GiB.
      {
        namespace,
        resource: 'memory',
        quantity: formatMilli((memoryMiB * 1000) / 1024),
      },
    );
    expected.push(...lines);
  }
  expected.sort((a, b) => {
    if (a.namespace !== b.namespace) return a.namespace < b.namespace ? -1 : 1;
    if (a.resource === b.resource) return 0;
    return a.resource < b.resource ? -1 : 1;
  });
  return {
    cluster: {
      start: windowStart - DATA_BEFORE,
      end: windowStart + HOUR + DATA_AFTER + STEP,
      stepSeconds: STEP,
      labels: { cluster: clusterLabel },
      nodes: [...nodes.values()],
      containers,
    },
    expected,
  };
}

/** Lines of `actual` that differ from `expected`, missing or extra. */
function differences(
  expected: NamespaceUsage[],
  actual: NamespaceUsage[],
): string[] {
  const key = (line: NamespaceUsage) => `${line.namespace} ${line.resource}`;
  const wanted = new Map(expected.map(line => [key(line), line.quantity]));
  const found = new Map(actual.map(line => [key(line), line.quantity]));
  const wrong: string[] = [];
  for (const [k, quantity] of wanted) {
    const got = found.get(k);
    if (got !== quantity) wrong.push(`${k}: expected ${quantity}, got ${got}`);
  }
  for (const [k, quantity] of found) {
    if (!wanted.has(k)) wrong.push(`${k}: unexpected ${quantity}`);
  }
  return wrong;
}

/** The pid of the Prometheus of start.sh, for /proc; undefined when unknown. */
function prometheusPid(server: TestPrometheus): string | undefined {
  try {
    return readFileSync(
      path.join(server.runDir, 'prometheus.pid'),
      'utf8',
    ).trim();
  } catch {
    return undefined;
  }
}

/** Prometheus' resident set (now and peak since the last reset), in MiB. */
function prometheusMemory(server: TestPrometheus): {
  rssMiB?: number;
  peakRssMiB?: number;
} {
  try {
    const status = readFileSync(
      `/proc/${prometheusPid(server)}/status`,
      'utf8',
    );
    const mib = (field: string) => {
      const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
      return match ? Math.round(Number(match[1]) / 1024) : undefined;
    };
    return { rssMiB: mib('VmRSS'), peakRssMiB: mib('VmHWM') };
  } catch {
    return {};
  }
}

/** Resets Prometheus' peak RSS (VmHWM) to its current RSS; best effort. */
function resetPeakMemory(server: TestPrometheus) {
  try {
    writeFileSync(`/proc/${prometheusPid(server)}/clear_refs`, '5');
  } catch {
    // Not on Linux, or not ours: the peak is then since the server started.
  }
}

/**
 * CPU seconds (user + system) Prometheus has used so far, NaN when unknown.
 * Unlike wall time, it does not grow when other processes share the CPUs.
 */
function prometheusCpuSeconds(server: TestPrometheus): number {
  try {
    const procStat = readFileSync(
      `/proc/${prometheusPid(server)}/stat`,
      'utf8',
    );
    // Fields after the command (which may hold spaces): utime is the 14th
    // field, stime the 15th, in clock ticks (100 a second on Linux).
    const fields = procStat.slice(procStat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Runs fn, timing it; an error is returned (its first line), not thrown. */
async function attempt<T>(
  fn: () => Promise<T>,
): Promise<{ value?: T; ms: number; error?: string }> {
  const start = process.hrtime.bigint();
  try {
    const value = await fn();
    return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
  } catch (error) {
    return {
      ms: Number(process.hrtime.bigint() - start) / 1e6,
      error: String((error as Error).message ?? error).split('\n')[0],
    };
  }
}

/** One instant query with Prometheus' statistics (`stats=all`). */
async function queryWithStats(
  baseUrl: string,
  query: string,
  time: string,
): Promise<{
  ms: number;
  series: number;
  execMs: number;
  peakSamples?: number;
  totalQueryableSamples?: number;
}> {
  const [body, ms] = await timed(async () => {
    const response = await fetch(`${baseUrl}/api/v1/query`, {
      method: 'POST',
      body: new URLSearchParams({ query, time, stats: 'all', timeout: '300s' }),
    });
    return (await response.json()) as any;
  });
  if (body.status !== 'success') {
    throw new Error(`query failed: ${body.errorType}: ${body.error}`);
  }
  const stats = body.data.stats ?? {};
  return {
    ms: Math.round(ms),
    series: body.data.result.length,
    execMs: Math.round((stats.timings?.execTotalTime ?? NaN) * 1000),
    peakSamples: stats.samples?.peakSamples,
    totalQueryableSamples: stats.samples?.totalQueryableSamples,
  };
}

const seconds = (ms: number, digits = 2) => +(ms / 1000).toFixed(digits);
const cpuSeconds = (value: number) => +value.toFixed(1);

describeWithPrometheus('Prometheus usage source', () => {
  it(`answers one hour of ${SIZES.join(' and ')} namespaces`, async () => {
    const server = prometheus!;
    const source = (clusterLabel: string) =>
      new PrometheusUsageSource({
        baseUrl: server.url,
        // More than Prometheus' --query.timeout (2m by default), which then
        // decides; production's default is 60s.
        timeoutMs: 300_000,
        labelMatchers: [`cluster="${clusterLabel}"`],
      });
    // Blocks wholly in the past, 4–6 h ago and earlier: one per size.
    const firstBlock =
      Math.floor(Date.now() / 1000 / BLOCK) * BLOCK - 2 * BLOCK;
    const runId = Date.now().toString(36);

    const rows: Array<Record<string, unknown>> = [];
    const queryRows: Array<Record<string, unknown>> = [];
    const errors: Array<Record<string, unknown>> = [];
    const wrongLines: string[] = [];
    for (const [index, namespaces] of SIZES.entries()) {
      const windowStart = firstBlock - index * BLOCK + WINDOW_OFFSET;
      const window = {
        start: new Date(windowStart * 1000),
        end: new Date((windowStart + HOUR) * 1000),
      };
      const clusterLabel = `bench-${runId}-${namespaces}`;
      const { cluster, expected } = benchCluster(
        namespaces,
        windowStart,
        clusterLabel,
      );
      const samplesPerSeries = (cluster.end - cluster.start) / STEP;
      const loadBefore = +os.loadavg()[0].toFixed(1);

      const dir = await mkdtemp(
        path.join(os.tmpdir(), 'bison-bench-prometheus-'),
      );
      let written: { samples: number };
      let fileBytes: number;
      let generateMs: number;
      let backfillMs: number;
      try {
        // About 140 bytes a sample; refuse rather than fill the disk.
        const estimate =
          cluster.containers.length * 11 * samplesPerSeries * 140;
        const disk = await statfs(dir);
        if (disk.bavail * disk.bsize < 2 * estimate) {
          throw new Error(
            `${dir} has ${Math.round(
              (disk.bavail * disk.bsize) / 2 ** 30,
            )} GiB free; the file needs about ${Math.round(
              estimate / 2 ** 30,
            )} GiB and the blocks some more`,
          );
        }
        const file = path.join(dir, 'cluster.om');
        [written, generateMs] = await timed(() =>
          writeSyntheticClusterOpenMetrics(cluster, file),
        );
        fileBytes = (await stat(file)).size;
        [, backfillMs] = await timed(() => backfillPrometheus(server, file));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      const afterBackfill = prometheusMemory(server);

      // getUsage as the billing engine calls it: the five queries in
      // parallel. The first call after the backfill, then WARM_RUNS more
      // (fewer if one fails: each failure is a timeout of minutes).
      const usage = source(clusterLabel);
      const calls: Array<{
        lines?: NamespaceUsage[];
        ms: number;
        cpu: number;
        error?: string;
      }> = [];
      resetPeakMemory(server);
      for (let run = 0; run <= WARM_RUNS; run++) {
        const cpuBefore = prometheusCpuSeconds(server);
        const call = await attempt(() => usage.getUsage(window));
        calls.push({
          lines: call.value,
          ms: call.ms,
          cpu: prometheusCpuSeconds(server) - cpuBefore,
          error: call.error,
        });
        if (call.error) {
          errors.push({
            namespaces,
            run,
            seconds: seconds(call.ms, 1),
            error: call.error,
          });
          if (run > 0) break;
        }
      }
      const afterQueries = prometheusMemory(server);
      const [cold, ...warm] = calls;
      const warmOk = warm.filter(call => !call.error);
      const warmStats = summarize(warmOk.map(call => call.ms));
      const answered = calls.filter(call => call.lines);
      const wrong = answered.flatMap(call =>
        differences(expected, call.lines!),
      );
      wrongLines.push(...wrong.slice(0, 5).map(w => `${namespaces}: ${w}`));

      // The five queries one after the other, with Prometheus' statistics.
      const queries = buildWindowQueries(window, [`cluster="${clusterLabel}"`]);
      for (const what of [
        'coverage',
        'freshness',
        'cpu',
        'memory',
        'extended',
      ] as const) {
        const cpuBefore = prometheusCpuSeconds(server);
        const result = await attempt(() =>
          queryWithStats(
            server.url,
            queries[what],
            what === 'freshness' ? queries.freshnessTime : queries.time,
          ),
        );
        queryRows.push({
          namespaces,
          query: what,
          ...(result.value ?? {
            ms: Math.round(result.ms),
            error: result.error,
          }),
          promCpuS: cpuSeconds(prometheusCpuSeconds(server) - cpuBefore),
        });
      }

      rows.push({
        namespaces,
        pods: cluster.containers.length,
        series: written.samples / samplesPerSeries,
        samples: written.samples,
        fileMB: Math.round(fileBytes / 1e6),
        generateS: seconds(generateMs, 1),
        backfillS: seconds(backfillMs, 1),
        coldS: cold.error
          ? `failed after ${seconds(cold.ms, 1)}`
          : seconds(cold.ms),
        coldPromCpuS: cpuSeconds(cold.cpu),
        warmMedianS: warmOk.length ? seconds(warmStats.p50) : null,
        warmMaxS: warmOk.length ? seconds(warmStats.max) : null,
        warmOk: `${warmOk.length}/${warm.length}`,
        warmPromCpuS: warmOk.length
          ? cpuSeconds(
              summarize(warmOk.map(call => call.cpu * 1000)).p50 / 1000,
            )
          : null,
        lines: answered[0]?.lines?.length ?? null,
        expectedLines: expected.length,
        correct: answered.length ? wrong.length === 0 : 'no answer',
        promRssAfterBackfillMiB: afterBackfill.rssMiB,
        promPeakRssQueryingMiB: afterQueries.peakRssMiB,
        loadAvg1m: loadBefore,
      });
    }

    report(
      `Prometheus usage source: getUsage of one hour, first call and median of ${WARM_RUNS} (Prometheus ${
        process.env.BISON_PROMETHEUS_URL
      }, ${os.cpus().length} CPUs; promCpuS = CPU seconds Prometheus spent)`,
      rows,
    );
    report('The five queries alone (sequential, stats=all)', queryRows);
    if (errors.length) report('Failed getUsage calls', errors);
    const [small, large] = rows as Array<Record<string, number>>;
    const ratio = (key: string) =>
      typeof large[key] === 'number' && typeof small[key] === 'number'
        ? +(large[key] / small[key]).toFixed(1)
        : null;
    if (large) {
      report(`Ratio ${large.namespaces} / ${small.namespaces} namespaces`, [
        {
          series: ratio('series'),
          generate: ratio('generateS'),
          backfill: ratio('backfillS'),
          cold: ratio('coldS'),
          warmMedian: ratio('warmMedianS'),
          coldPromCpu: ratio('coldPromCpuS'),
          warmPromCpu: ratio('warmPromCpuS'),
        },
      ]);
    }
    // Correctness, not timing: every answer matches what the data implies.
    expect(wrongLines).toEqual([]);
  });
});
