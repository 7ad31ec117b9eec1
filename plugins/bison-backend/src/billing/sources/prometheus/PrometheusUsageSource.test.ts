import { NamespaceUsage } from '@bison/plugin-bison-node';
import { randomUUID } from 'node:crypto';
import {
  backfillSyntheticCluster,
  testPrometheus,
} from '../../../__testUtils__/prometheus/testPrometheus';
import { SyntheticCluster } from '../../../__testUtils__/prometheus/syntheticCluster';
import {
  addDecimals,
  formatDecimal,
  parseDecimal,
} from '../shared/exactDecimal';
import {
  PrometheusDataNotAvailableError,
  PrometheusQueryError,
} from './errors';
import { PrometheusUsageSource } from './PrometheusUsageSource';

// A real Prometheus (the Debian package), started by the Jest global setup
// or by `make test`, with a synthetic cluster backfilled by promtool.
const prometheus = testPrometheus();
const describeWithPrometheus = prometheus ? describe : describe.skip;

const MINUTE = 60;
const HOUR = 3600;
const GiB = 2 ** 30;

// Data from D0 to D0+4h, at one sample a minute, 6 to 2 hours ago: older
// than anything a live head would hold. The windows billed are the hours
// [D0+1h, D0+2h) and [D0+2h, D0+3h), so that rate()[5m] has a full range
// and Prometheus holds samples past each window's end.
const D0 = (Math.floor(Date.now() / 1000 / HOUR) - 6) * HOUR;
const at = (hours: number, minutes = 0) => D0 + hours * HOUR + minutes * MINUTE;
const window = (from: number, to: number) => ({
  start: new Date(from * 1000),
  end: new Date(to * 1000),
});
const W1 = window(at(1), at(2));
const W2 = window(at(2), at(3));
const BOTH = window(at(1), at(3));

// Test files share the server: this file's series carry its own cluster label.
const clusterId = `usage-test-${randomUUID()}`;

const cluster: SyntheticCluster = {
  start: D0,
  end: at(4),
  labels: { cluster: clusterId },
  namespaces: ['empty'],
  nodes: [
    { name: 'cpu-1', labels: { 'kubernetes.io/arch': 'amd64' } },
    { name: 'gpu-a100-1', labels: { 'nvidia.com/gpu.product': 'A100' } },
    { name: 'gpu-plain-1', labels: { 'kubernetes.io/arch': 'amd64' } },
  ],
  containers: [
    // Usage 0.5 below its request of 2 cores; working set 6Gi above 4Gi.
    {
      namespace: 'ml-training',
      pod: 'trainer-0',
      node: 'cpu-1',
      requests: { cpu: 2, memory: 4 * GiB },
      cpuUsageCores: 0.5,
      memoryWorkingSetBytes: 6 * GiB,
    },
    // Usage 3 above its request of 1 core; working set 1Gi below 2Gi.
    {
      namespace: 'analytics',
      pod: 'burst-0',
      container: 'app',
      node: 'cpu-1',
      requests: { cpu: 1, memory: 2 * GiB },
      cpuUsageCores: 3,
      memoryWorkingSetBytes: GiB,
    },
    // 0.1 core (float sums of 0.1 are not exact) and no memory request.
    {
      namespace: 'analytics',
      pod: 'small-0',
      node: 'cpu-1',
      requests: { cpu: 0.1 },
      cpuUsageCores: 0.05,
      memoryWorkingSetBytes: GiB / 4,
    },
    // 2 A100s for the 30 minutes [1h15m, 1h45m), then finished (KSM keeps
    // reporting it, not running).
    {
      namespace: 'gpu-a100',
      pod: 'train-0',
      node: 'gpu-a100-1',
      from: at(1, 15),
      to: at(1, 45),
      requests: { cpu: 1, memory: GiB, 'nvidia.com/gpu': 2 },
      cpuUsageCores: 0.25,
      memoryWorkingSetBytes: GiB / 2,
    },
    // 3 A100s for 20 minutes across the boundary of the two hours: 10 + 10.
    {
      namespace: 'gpu-a100',
      pod: 'train-1',
      node: 'gpu-a100-1',
      from: at(1, 50),
      to: at(2, 10),
      requests: { 'nvidia.com/gpu': 3 },
    },
    // A GPU on a node without a model label: the generic key.
    {
      namespace: 'gpu-plain',
      pod: 'job-0',
      node: 'gpu-plain-1',
      requests: { 'nvidia.com/gpu': 1 },
      cpuUsageCores: 0,
      memoryWorkingSetBytes: 0,
    },
    // MIG slices on the A100 node: the profile's key, no model key.
    {
      namespace: 'mig',
      pod: 'inference-0',
      node: 'gpu-a100-1',
      requests: { 'nvidia.com/mig-1g.10gb': 2 },
    },
    // Other extended resources: a known device plugin and an unknown one.
    {
      namespace: 'fpga',
      pod: 'accel-0',
      node: 'cpu-1',
      requests: { 'amd.com/gpu': 1, 'example.com/fpga': 1 },
    },
    // Never running (Pending): nothing, whatever it requests.
    {
      namespace: 'idle',
      pod: 'pending-0',
      running: false,
      requests: { cpu: 4, memory: 8 * GiB, 'nvidia.com/gpu': 1 },
    },
    // Runs [2h, 2h20m), then deleted: its series just end, without the
    // staleness markers a scraping Prometheus would write, so Prometheus
    // still sees it running for its lookback delta (5m, pinned by
    // scripts/prometheus/start.sh): 25 minutes of 1 core.
    {
      namespace: 'leaky',
      pod: 'batch-0',
      node: 'cpu-1',
      from: at(2),
      to: at(2, 20),
      afterStop: 'deleted',
      requests: { cpu: 1 },
      cpuUsageCores: 0.5,
    },
  ],
};

// A second kube-state-metrics replica scraped as another target: the same
// KSM series of some pods and nodes again, with another `instance` label
// (and no cAdvisor series). Requests count once (max, not sum), and running
// and node-model series that appear twice change nothing.
const replica: SyntheticCluster = {
  start: D0,
  end: at(4),
  labels: { cluster: clusterId, instance: 'kube-state-metrics-2' },
  nodes: [{ name: 'gpu-a100-1', labels: { 'nvidia.com/gpu.product': 'A100' } }],
  containers: cluster.containers
    .filter(c => ['ml-training', 'gpu-a100', 'fpga'].includes(c.namespace))
    .map(({ cpuUsageCores, memoryWorkingSetBytes, ...ksm }) => ksm),
};

// Another cluster in the same Prometheus, which the label matcher excludes.
const otherCluster: SyntheticCluster = {
  start: D0,
  end: at(4),
  labels: { cluster: `${clusterId}-other` },
  containers: [
    {
      namespace: 'ml-training',
      pod: 'trainer-0',
      requests: { cpu: 100, 'nvidia.com/gpu': 8 },
    },
  ],
};

function usage(
  table: Record<string, Record<string, string>>,
): NamespaceUsage[] {
  return Object.entries(table)
    .flatMap(([namespace, resources]) =>
      Object.entries(resources).map(([resource, quantity]) => ({
        namespace,
        resource,
        quantity,
      })),
    )
    .sort(
      (a, b) =>
        a.namespace.localeCompare(b.namespace) ||
        a.resource.localeCompare(b.resource),
    );
}

const sorted = (lines: NamespaceUsage[]) =>
  [...lines].sort(
    (a, b) =>
      a.namespace.localeCompare(b.namespace) ||
      a.resource.localeCompare(b.resource),
  );

/** Adds usage line by line, exactly. */
function addUsage(...lists: NamespaceUsage[][]): NamespaceUsage[] {
  const totals = new Map<string, NamespaceUsage>();
  for (const line of lists.flat()) {
    const key = `${line.namespace} ${line.resource}`;
    const total = totals.get(key);
    totals.set(key, {
      ...line,
      quantity: total
        ? formatDecimal(
            addDecimals(
              parseDecimal(total.quantity),
              parseDecimal(line.quantity),
            ),
          )
        : line.quantity,
    });
  }
  return sorted([...totals.values()]);
}

describeWithPrometheus(
  'PrometheusUsageSource against a real Prometheus',
  () => {
    const { url } = prometheus ?? { url: '' };
    const source = new PrometheusUsageSource({
      baseUrl: url,
      timeoutMs: 30_000,
      labelMatchers: [`cluster="${clusterId}"`],
    });

    beforeAll(async () => {
      await backfillSyntheticCluster(prometheus!, cluster);
      await backfillSyntheticCluster(prometheus!, replica);
      await backfillSyntheticCluster(prometheus!, otherCluster);
    }, 120_000);

    const firstHour = usage({
      analytics: { cpu: '3.1', memory: '2.25' },
      fpga: { 'amd.com/gpu': '1', example_com_fpga: '1' },
      // 2 GPUs × 30 min + 3 GPUs × 10 min; cpu and memory: request × 30 min.
      'gpu-a100': { cpu: '0.5', memory: '0.5', 'nvidia.com/gpu:A100': '1.5' },
      'gpu-plain': { 'nvidia.com/gpu': '1' },
      mig: { 'nvidia.com/mig-1g.10gb': '2' },
      'ml-training': { cpu: '2', memory: '6' },
    });
    const secondHour = usage({
      analytics: { cpu: '3.1', memory: '2.25' },
      fpga: { 'amd.com/gpu': '1', example_com_fpga: '1' },
      'gpu-a100': { 'nvidia.com/gpu:A100': '0.5' },
      'gpu-plain': { 'nvidia.com/gpu': '1' },
      // 25/60 core-hours, rounded half to even to 6 decimals.
      leaky: { cpu: '0.416667' },
      mig: { 'nvidia.com/mig-1g.10gb': '2' },
      'ml-training': { cpu: '2', memory: '6' },
    });

    it('bills an hour exactly: max(request, usage) while running, devices by model', async () => {
      expect(await source.getUsage(W1, {})).toEqual(firstHour);
    });

    it('bills the next hour exactly, with a deleted pod visible for the lookback delta', async () => {
      expect(await source.getUsage(W2, {})).toEqual(secondHour);
    });

    it('bills two adjacent hours exactly as the two-hour window: no minute counted twice or lost', async () => {
      const [first, second, both] = await Promise.all([
        source.getUsage(W1, {}),
        source.getUsage(W2, {}),
        source.getUsage(BOTH, {}),
      ]);
      expect(both).toEqual(
        usage({
          analytics: { cpu: '6.2', memory: '4.5' },
          fpga: { 'amd.com/gpu': '2', example_com_fpga: '2' },
          'gpu-a100': { cpu: '0.5', memory: '0.5', 'nvidia.com/gpu:A100': '2' },
          'gpu-plain': { 'nvidia.com/gpu': '2' },
          leaky: { cpu: '0.416667' },
          mig: { 'nvidia.com/mig-1g.10gb': '4' },
          'ml-training': { cpu: '4', memory: '12' },
        }),
      );
      expect(addUsage(first, second)).toEqual(both);
    });

    it('counts the minutes [start, end) of a window: a pod running [1h15m, 1h45m) is in 30 one-minute windows', async () => {
      const gpuMinutes = async (minute: number) =>
        (await source.getUsage(window(at(1, minute), at(1, minute + 1)), {}))
          .filter(line => line.namespace === 'gpu-a100')
          .map(line => `${line.resource}=${line.quantity}`);
      // 2 GPUs for one minute: 2/60 GPU-hours; cpu: 1 core for a minute.
      const running = [
        'cpu=0.016667',
        'memory=0.016667',
        'nvidia.com/gpu:A100=0.033333',
      ];
      expect(await gpuMinutes(14)).toEqual([]);
      expect(await gpuMinutes(15)).toEqual(running);
      expect(await gpuMinutes(44)).toEqual(running);
      expect(await gpuMinutes(45)).toEqual([]);
      // And half-hours add up to the hour.
      const halves = await Promise.all([
        source.getUsage(window(at(1), at(1, 30)), {}),
        source.getUsage(window(at(1, 30), at(2)), {}),
      ]);
      expect(addUsage(...halves)).toEqual(firstHour);
    });

    it('reports nothing for pods that do not run, namespaces without pods and other clusters', async () => {
      const lines = await source.getUsage(W1, {});
      const namespaces = new Set(lines.map(line => line.namespace));
      expect(namespaces.has('idle')).toBe(false);
      expect(namespaces.has('empty')).toBe(false);
      expect(lines.every(line => line.quantity !== '0')).toBe(true);
      // The other cluster's 100 cores in ml-training are not counted.
      expect(lines.filter(line => line.namespace === 'ml-training')).toEqual(
        usage({ 'ml-training': { cpu: '2', memory: '6' } }),
      );
    });

    it('tells missing data from no usage', async () => {
      const minutes = (from: number, to: number) =>
        source.getUsage(window(from, to), {});
      // Before the data: no kube-state-metrics at all.
      await expect(minutes(at(-2), at(-1))).rejects.toThrow(
        new PrometheusDataNotAvailableError(
          `kube-state-metrics series (kube_namespace_created) are visible at 0 of the 60 minutes of ${new Date(
            at(-2) * 1000,
          ).toISOString()}/${new Date(at(-1) * 1000).toISOString()}`,
        ),
      );
      // Half covered.
      await expect(minutes(at(0, -30), at(0, 30))).rejects.toThrow(
        /visible at 30 of the 60 minutes/,
      );
      // The data ends at 4h: Prometheus has nothing at or after the window end.
      await expect(minutes(at(3), at(4))).rejects.toThrow(
        /no kube-state-metrics sample at or after the window end/,
      );
      await expect(minutes(at(3), at(4))).rejects.toBeInstanceOf(
        PrometheusDataNotAvailableError,
      );
      // A window in the future is refused without asking.
      const nextHour = (Math.floor(Date.now() / 1000 / HOUR) + 1) * HOUR;
      await expect(minutes(nextHour, nextHour + HOUR)).rejects.toThrow(
        /in the future/,
      );
      // The label matchers apply to the check too: a cluster with no data.
      const unknown = new PrometheusUsageSource({
        baseUrl: url,
        timeoutMs: 30_000,
        labelMatchers: ['cluster="no-such-cluster"'],
      });
      await expect(unknown.getUsage(W1, {})).rejects.toBeInstanceOf(
        PrometheusDataNotAvailableError,
      );
    });

    it('throws on a query Prometheus rejects', async () => {
      const bad = new PrometheusUsageSource({
        baseUrl: url,
        timeoutMs: 30_000,
        labelMatchers: ['cluster=~"("'],
      });
      const error = await bad.getUsage(W1, {}).catch(e => e);
      expect(error).toBeInstanceOf(PrometheusQueryError);
      expect(error.message).toMatch(
        /answered the \w[\w-]* query with HTTP 400: bad_data: .*error parsing regexp/,
      );
    });
  },
);
