// The example usage of the demo: a made-up day of the demo cluster (the nodes
// of scripts/kube/prepare-demo.mjs, the projects of examples/bison-demo.json)
// as kube-state-metrics and cAdvisor would have reported it, to backfill into
// Prometheus for the billing engine's Prometheus usage source.
//
// 24 hours at 1-minute resolution up to the last full hour before `now`, and
// AHEAD_HOURS more (and 5 minutes: the source bills a window only once
// Prometheus holds samples after its end), so that a running demo goes on
// billing an hour after each hour as a live cluster would; the engine never
// bills a window before it has ended. Pods come and go with the time of day
// (local time of this machine), within the quotas of examples/bison-demo.json
// and the capacity of the demo nodes:
//   ml-training (ml-team)  GPU-heavy: back-to-back fine-tuning runs on 4 A100s,
//                          2-A100 hyperparameter sweeps in the daytime, a
//                          notebook on a MIG slice in office hours
//   ml-serving (ml-team)   steady: two model servers on one H100 each around
//                          the clock, two more in the daytime, a CPU gateway
//   data-etl (data-team)   CPU and memory: a nightly batch, an hourly job, a
//                          sync service, ad-hoc Spark in the afternoon
//   kube-system            cluster add-ons, billed to no team (unallocated)
//
// Written with the synthetic cluster writer of the backend's tests
// (plugins/bison-backend/src/__testUtils__/prometheus/syntheticCluster.ts),
// loaded through Backstage's on-the-fly TypeScript transform.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const {
  writeSyntheticClusterOpenMetrics,
} = require('../../plugins/bison-backend/src/__testUtils__/prometheus/syntheticCluster.ts');

const MINUTE = 60;
const HOUR = 3600;
/** Hours of data after the last full hour before now. */
const AHEAD_HOURS = 4;
const GIB = 2 ** 30;
const MIB = 2 ** 20;

export const DEMO_NODES = [
  {
    name: 'gpu-a100-1',
    labels: { 'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB' },
  },
  {
    name: 'gpu-h100-1',
    labels: { 'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3' },
  },
  { name: 'cpu-1' },
];

/** A small deterministic random source, so that every start looks alike. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * The intervals [from, to) of each day between local clock times fromHour and
 * toHour (toHour may pass midnight: 22 → 30), clipped to [start, end).
 */
function daily(start, end, fromHour, toHour) {
  const intervals = [];
  const day = new Date(start * 1000);
  day.setHours(0, 0, 0, 0);
  day.setDate(day.getDate() - 1);
  for (; day.getTime() / 1000 < end; day.setDate(day.getDate() + 1)) {
    const at = hours => {
      const time = new Date(day);
      time.setHours(0, hours * 60, 0, 0);
      return time.getTime() / 1000;
    };
    const from = Math.max(start, at(fromHour));
    const to = Math.min(end, at(toHour));
    if (from < to) intervals.push({ from, to });
  }
  return intervals;
}

/** A pod name suffix from a time, e.g. 0412-1305 (local month, day, time). */
function stamp(time) {
  const date = new Date(time * 1000);
  const two = n => String(n).padStart(2, '0');
  return `${two(date.getMonth() + 1)}${two(date.getDate())}-${two(
    date.getHours(),
  )}${two(date.getMinutes())}`;
}

/**
 * The demo cluster from `start` to `end` (Unix seconds, whole minutes),
 * labelled with `labels` (e.g. { cluster: 'bison-demo' }).
 */
export function demoCluster({ start, end, labels }) {
  const containers = [];
  const pod = spec => {
    const from = Math.max(start, spec.from ?? start);
    const to = Math.min(end, spec.to ?? end);
    if (from < to) containers.push({ ...spec, from, to });
  };
  const rand = random(20240601);
  const between = (low, high) => low + (high - low) * rand();
  const wholeMinutes = seconds => Math.round(seconds / MINUTE) * MINUTE;

  // ml-training: fine-tuning runs of 3 to 7 hours, one after the other, with
  // a pause of 10 to 50 minutes between them, each on 4 A100s.
  for (let t = start - 2 * HOUR; t < end; ) {
    const to = t + wholeMinutes(between(3, 7) * HOUR);
    pod({
      namespace: 'ml-training',
      pod: `llm-finetune-${stamp(Math.max(t, start))}`,
      node: 'gpu-a100-1',
      from: t,
      to,
      requests: { cpu: 32, memory: 224 * GIB, 'nvidia.com/gpu': 4 },
      cpuUsageCores: between(18, 28),
      memoryWorkingSetBytes: between(150, 215) * GIB,
    });
    t = to + wholeMinutes(between(10, 50) * MINUTE);
  }
  // Hyperparameter sweeps in the daytime: 80 to 100 minutes on 2 A100s.
  for (const day of daily(start, end, 8, 22)) {
    for (let t = day.from; t < day.to; ) {
      const to = Math.min(day.to, t + wholeMinutes(between(80, 100) * MINUTE));
      pod({
        namespace: 'ml-training',
        pod: `hparam-sweep-${stamp(t)}`,
        node: 'gpu-a100-1',
        from: t,
        to,
        requests: { cpu: 8, memory: 64 * GIB, 'nvidia.com/gpu': 2 },
        cpuUsageCores: between(6, 11),
        memoryWorkingSetBytes: between(40, 60) * GIB,
      });
      t = to + wholeMinutes(between(5, 20) * MINUTE);
    }
  }
  for (const day of daily(start, end, 9.5, 18)) {
    pod({
      namespace: 'ml-training',
      pod: `notebook-mia-${stamp(day.from)}`,
      node: 'gpu-a100-1',
      from: day.from,
      to: day.to,
      requests: { cpu: 2, memory: 16 * GIB, 'nvidia.com/mig-1g.10gb': 1 },
      cpuUsageCores: 0.6,
      memoryWorkingSetBytes: 9 * GIB,
    });
  }

  // ml-serving: two model servers around the clock, two more for the
  // daytime traffic, and the gateway in front of them.
  const server = (name, from, to) =>
    pod({
      namespace: 'ml-serving',
      pod: name,
      node: 'gpu-h100-1',
      from,
      to,
      requests: { cpu: 8, memory: 48 * GIB, 'nvidia.com/gpu': 1 },
      cpuUsageCores: between(3, 6),
      memoryWorkingSetBytes: between(30, 44) * GIB,
    });
  server('llm-server-7d9f8-0');
  server('llm-server-7d9f8-1');
  for (const day of daily(start, end, 7.5, 21)) {
    server(`llm-server-7d9f8-${stamp(day.from)}a`, day.from, day.to);
    server(`llm-server-7d9f8-${stamp(day.from)}b`, day.from + HOUR, day.to);
  }
  for (const replica of [0, 1]) {
    pod({
      namespace: 'ml-serving',
      pod: `inference-gateway-5c6b7-${replica}`,
      node: 'cpu-1',
      requests: { cpu: 2, memory: 4 * GIB },
      cpuUsageCores: 1.2,
      memoryWorkingSetBytes: 2.5 * GIB,
    });
  }

  // data-etl: the nightly batch (more CPU than it requests), an hourly job,
  // a sync service, ad-hoc Spark in the afternoon.
  for (const night of daily(start, end, 1, 5.5)) {
    pod({
      namespace: 'data-etl',
      pod: `etl-nightly-${stamp(night.from)}`,
      node: 'cpu-1',
      from: night.from,
      to: night.to,
      requests: { cpu: 24, memory: 96 * GIB },
      cpuUsageCores: 30,
      memoryWorkingSetBytes: 110 * GIB,
    });
  }
  for (let t = Math.ceil(start / HOUR) * HOUR; t < end; t += HOUR) {
    pod({
      namespace: 'data-etl',
      pod: `etl-hourly-${stamp(t + 5 * MINUTE)}`,
      node: 'cpu-1',
      from: t + 5 * MINUTE,
      to: t + wholeMinutes(between(18, 30) * MINUTE),
      requests: { cpu: 4, memory: 16 * GIB },
      cpuUsageCores: 3.5,
      memoryWorkingSetBytes: 12 * GIB,
    });
  }
  pod({
    namespace: 'data-etl',
    pod: 'warehouse-sync-0',
    node: 'cpu-1',
    requests: { cpu: 2, memory: 8 * GIB },
    cpuUsageCores: 2.5,
    memoryWorkingSetBytes: 6 * GIB,
  });
  for (const day of daily(start, end, 13, 17)) {
    pod({
      namespace: 'data-etl',
      pod: `spark-adhoc-${stamp(day.from)}`,
      node: 'cpu-1',
      from: day.from,
      to: day.to,
      requests: { cpu: 16, memory: 64 * GIB },
      cpuUsageCores: 12,
      memoryWorkingSetBytes: 48 * GIB,
    });
  }

  // kube-system: what every cluster runs; no team pays for it.
  for (const replica of [0, 1]) {
    pod({
      namespace: 'kube-system',
      pod: `coredns-6d4b7-${replica}`,
      node: 'cpu-1',
      requests: { cpu: 0.1, memory: 70 * MIB },
      cpuUsageCores: 0.02,
      memoryWorkingSetBytes: 40 * MIB,
    });
  }
  for (const node of DEMO_NODES) {
    pod({
      namespace: 'kube-system',
      pod: `kube-proxy-${node.name}`,
      node: node.name,
      requests: { cpu: 0.1, memory: 64 * MIB },
      cpuUsageCores: 0.05,
      memoryWorkingSetBytes: 30 * MIB,
    });
    if (node.labels) {
      pod({
        namespace: 'kube-system',
        pod: `nvidia-device-plugin-${node.name}`,
        node: node.name,
        requests: { cpu: 0.05, memory: 128 * MIB },
        cpuUsageCores: 0.01,
        memoryWorkingSetBytes: 60 * MIB,
      });
    }
  }

  return {
    start,
    end,
    labels,
    namespaces: ['default', 'kube-system', 'ml-training', 'ml-serving'],
    nodes: DEMO_NODES,
    containers,
  };
}

/**
 * Writes the demo usage as OpenMetrics to `file`: 24 hours up to the last
 * full hour before `now`, then AHEAD_HOURS hours and 5 minutes more. Returns
 * where billing should start (the first hour) and the number of samples.
 */
export async function writeDemoUsage(file, { now = new Date(), labels }) {
  const lastHour = Math.floor(now.getTime() / 1000 / HOUR) * HOUR;
  const start = lastHour - 24 * HOUR;
  const end = lastHour + AHEAD_HOURS * HOUR + 5 * MINUTE;
  const { samples } = await writeSyntheticClusterOpenMetrics(
    demoCluster({ start, end, labels }),
    file,
  );
  return {
    start: new Date(start * 1000),
    lastHour: new Date(lastHour * 1000),
    end: new Date(end * 1000),
    samples,
  };
}
