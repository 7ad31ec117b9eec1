import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * A made-up cluster, as kube-state-metrics (v2) and cAdvisor would have
 * reported it, to backfill into Prometheus (see backfillSyntheticCluster).
 * All times are Unix seconds; samples are written every `stepSeconds` from
 * `start` (inclusive) to `end` (exclusive).
 */
export interface SyntheticCluster {
  start: number;
  end: number;
  /** Sample interval; 60 unless given. */
  stepSeconds?: number;
  /** Labels on every series, e.g. `{ cluster: 'test-1' }`. */
  labels?: Record<string, string>;
  /** Namespaces that exist (`kube_namespace_created`) besides those of containers. */
  namespaces?: string[];
  nodes?: SyntheticNode[];
  containers: SyntheticContainer[];
}

export interface SyntheticNode {
  name: string;
  /**
   * Kubernetes node labels, e.g. `{ 'nvidia.com/gpu.product': 'A100' }`;
   * reported as KSM does, `kube_node_labels{label_nvidia_com_gpu_product=...}`.
   */
  labels?: Record<string, string>;
}

export interface SyntheticContainer {
  namespace: string;
  pod: string;
  /** 'main' unless given. */
  container?: string;
  /** The node the pod is scheduled on; unscheduled (node="") unless given. */
  node?: string;
  /** When the pod appears and its container starts running; the cluster start unless given. */
  from?: number;
  /** When the container stops running; the cluster end unless given. */
  to?: number;
  /**
   * After `to`: 'terminated' (default) keeps the pod's KSM series, with
   * `kube_pod_container_status_running` 0, until the end, as KSM does for a
   * finished pod that is not deleted yet; 'deleted' ends every series at
   * `to`, without staleness markers (backfilled data cannot have them), so
   * Prometheus still sees them for its lookback delta.
   */
  afterStop?: 'terminated' | 'deleted';
  /** false: the container never runs (Pending, CrashLoopBackOff): running is 0, no cAdvisor series. */
  running?: boolean;
  /**
   * Requests by Kubernetes resource name: `cpu` in cores, `memory` in bytes,
   * devices in units, e.g. `{ cpu: 2, memory: 4 * 2 ** 30, 'nvidia.com/gpu': 1 }`.
   */
  requests?: Record<string, number>;
  /** Constant CPU usage in cores: the cAdvisor counter grows by this many seconds per second. */
  cpuUsageCores?: number;
  /** Constant memory working set in bytes. */
  memoryWorkingSetBytes?: number;
}

/** kube-state-metrics' `unit` label of requests; devices are 'integer'. */
const KSM_UNITS: Record<string, string> = { cpu: 'core', memory: 'byte' };

/** What kube-state-metrics makes of a name: every [^a-zA-Z0-9_] becomes '_'. */
export function ksmSanitize(name: string): string {
  return name.replace(/[^a-zA-Z0-9_]/g, '_');
}

function escapeLabelValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n');
}

function labelText(labels: Record<string, string>): string {
  return `{${Object.entries(labels)
    .map(([name, value]) => `${name}="${escapeLabelValue(value)}"`)
    .join(',')}}`;
}

/** Buffered writes with back-pressure: clusters of 20,000 namespaces make big files. */
class OpenMetricsFile {
  private readonly stream;
  private chunk: string[] = [];
  private size = 0;
  samples = 0;

  constructor(file: string) {
    this.stream = createWriteStream(file, { encoding: 'utf8' });
  }

  /** Buffers a line; call flushIfFull() now and then. */
  line(text: string) {
    this.chunk.push(text);
    this.size += text.length + 1;
  }

  async flushIfFull() {
    if (this.size >= 1 << 20) await this.flush();
  }

  private async flush() {
    const text = this.chunk.length ? `${this.chunk.join('\n')}\n` : '';
    this.chunk = [];
    this.size = 0;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close() {
    this.line('# EOF');
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

interface Timeline {
  c: SyntheticContainer;
  key: string;
  from: number;
  /** Running until (exclusive). */
  to: number;
  /** KSM series until (exclusive). */
  existsTo: number;
  running: boolean;
}

/**
 * Writes the cluster as an OpenMetrics text file for `promtool tsdb
 * create-blocks-from openmetrics`: one metric family after the other, each
 * series' samples in time order, timestamps in seconds, `# EOF` at the end.
 *
 * Series: kube_namespace_created, kube_node_labels, kube_pod_info,
 * kube_pod_container_status_running, kube_pod_container_resource_requests
 * (KSM names: `nvidia.com/gpu` → `nvidia_com_gpu`, unit core/byte/integer),
 * container_cpu_usage_seconds_total and container_memory_working_set_bytes,
 * the latter two also for each pod's cgroup (container="", the sum of its
 * containers) and pause container (container="POD"), as cAdvisor has them.
 * Returns the number of samples written.
 */
export async function writeSyntheticClusterOpenMetrics(
  cluster: SyntheticCluster,
  file: string,
): Promise<{ samples: number }> {
  const step = cluster.stepSeconds ?? 60;
  const { start, end } = cluster;
  if (!(step > 0) || !(start < end)) {
    throw new RangeError('the cluster needs start < end and a positive step');
  }
  const common = cluster.labels ?? {};
  const times = (from: number, to: number) => {
    const first = start + Math.max(0, Math.ceil((from - start) / step)) * step;
    const list: number[] = [];
    for (let t = first; t < Math.min(to, end); t += step) list.push(t);
    return list;
  };
  const timelines: Timeline[] = cluster.containers.map(c => {
    const from = c.from ?? start;
    const to = c.to ?? end;
    const running = c.running ?? true;
    return {
      c,
      key: `${c.namespace}/${c.pod}`,
      from,
      to,
      existsTo: (c.afterStop ?? 'terminated') === 'deleted' ? to : end,
      running,
    };
  });
  const pods = new Map<string, Timeline[]>();
  for (const timeline of timelines) {
    pods.set(timeline.key, [...(pods.get(timeline.key) ?? []), timeline]);
  }

  const out = new OpenMetricsFile(file);
  const series = async (
    name: string,
    labels: Record<string, string>,
    points: number[],
    value: (t: number) => number,
  ) => {
    const text = `${name}${labelText({ ...labels, ...common })} `;
    for (const t of points) out.line(`${text}${value(t)} ${t}`);
    out.samples += points.length;
    await out.flushIfFull();
  };

  out.line('# TYPE kube_namespace_created gauge');
  const namespaces = new Set([
    ...(cluster.namespaces ?? []),
    ...cluster.containers.map(c => c.namespace),
  ]);
  for (const namespace of namespaces) {
    await series(
      'kube_namespace_created',
      { namespace },
      times(start, end),
      () => start,
    );
  }

  out.line('# TYPE kube_node_labels gauge');
  for (const node of cluster.nodes ?? []) {
    const labels: Record<string, string> = { node: node.name };
    for (const [name, value] of Object.entries(node.labels ?? {})) {
      labels[`label_${ksmSanitize(name)}`] = value;
    }
    await series('kube_node_labels', labels, times(start, end), () => 1);
  }

  out.line('# TYPE kube_pod_info gauge');
  for (const [key, containers] of pods) {
    const [namespace, pod] = key.split('/');
    const from = Math.min(...containers.map(t => t.from));
    const existsTo = Math.max(...containers.map(t => t.existsTo));
    const labels = {
      namespace,
      pod,
      node: containers[0].c.node ?? '',
      uid: `uid-${key}`,
    };
    await series('kube_pod_info', labels, times(from, existsTo), () => 1);
  }

  const containerLabels = (t: Timeline) => ({
    namespace: t.c.namespace,
    pod: t.c.pod,
    container: t.c.container ?? 'main',
  });

  out.line('# TYPE kube_pod_container_status_running gauge');
  for (const t of timelines) {
    await series(
      'kube_pod_container_status_running',
      containerLabels(t),
      times(t.from, t.existsTo),
      time => (t.running && time < t.to ? 1 : 0),
    );
  }

  out.line('# TYPE kube_pod_container_resource_requests gauge');
  for (const t of timelines) {
    for (const [resource, amount] of Object.entries(t.c.requests ?? {})) {
      const unit = KSM_UNITS[resource] ?? 'integer';
      await series(
        'kube_pod_container_resource_requests',
        {
          ...containerLabels(t),
          node: t.c.node ?? '',
          resource: ksmSanitize(resource),
          unit,
        },
        times(t.from, t.existsTo),
        () => amount,
      );
    }
  }

  // cAdvisor: containers while they run; the pod cgroup ("") sums them; the
  // pause container ("POD") uses a little memory and no CPU.
  const cadvisor = async (
    name: string,
    family: string,
    type: 'counter' | 'gauge',
    value: (t: Timeline, time: number) => number | undefined,
    pauseValue: number,
  ) => {
    // The pod's cgroup: a stopped container's counter keeps its last value
    // (cumulative), its gauge no longer counts.
    const inPod = (t: Timeline, time: number) => {
      if (time < t.from) return 0;
      if (time < t.to) return value(t, time) ?? 0;
      return type === 'counter' ? value(t, t.to) ?? 0 : 0;
    };
    out.line(`# TYPE ${family} ${type}`);
    for (const [key, containers] of pods) {
      const active = containers.filter(
        t => t.running && value(t, t.from) !== undefined,
      );
      if (active.length === 0) continue;
      for (const t of active) {
        await series(
          name,
          containerLabels(t),
          times(t.from, t.to),
          time => value(t, time)!,
        );
      }
      const [namespace, pod] = key.split('/');
      const from = Math.min(...active.map(t => t.from));
      const to = Math.max(...active.map(t => t.to));
      await series(
        name,
        { namespace, pod, container: '' },
        times(from, to),
        time => active.reduce((sum, t) => sum + inPod(t, time), 0),
      );
      await series(
        name,
        { namespace, pod, container: 'POD' },
        times(from, to),
        () => pauseValue,
      );
    }
  };
  await cadvisor(
    'container_cpu_usage_seconds_total',
    'container_cpu_usage_seconds',
    'counter',
    (t, time) =>
      t.c.cpuUsageCores === undefined
        ? undefined
        : t.c.cpuUsageCores * (time - t.from),
    0,
  );
  await cadvisor(
    'container_memory_working_set_bytes',
    'container_memory_working_set_bytes',
    'gauge',
    t => t.c.memoryWorkingSetBytes,
    1 << 20,
  );

  await out.close();
  return { samples: out.samples };
}
