/**
 * The PromQL of the Prometheus usage source, over kube-state-metrics (KSM v2)
 * and cAdvisor (kubelet) series.
 *
 * Sampling. Every query integrates per-minute samples of a subquery
 * `[<window>:1m]`. A subquery's steps are aligned to absolute time (multiples
 * of one minute since the epoch), and Prometheus 2.x selects both ends of a
 * range: evaluated at the window end T, `[1h:1m]` holds 61 steps, T-1h..T, so
 * consecutive windows would both count the minute at their shared boundary
 * (Prometheus 3 selects (T-1h, T] instead). So each query is evaluated at
 * T - 1 ms: the steps are then exactly start, start+1m, ..., end-1m in both
 * versions, the minutes of the half-open window [start, end), and consecutive
 * windows neither share nor drop a minute. The step at minute m stands for
 * the minute [m, m+1m), with the values Prometheus sees at m (the newest
 * sample within the lookback delta, 5m by default).
 *
 * Running. A container counts in a minute only while KSM reports it running
 * (`kube_pod_container_status_running == 1`): pending, waiting and finished
 * containers cost nothing. KSM keeps reporting a finished container (as 0)
 * until its pod is deleted; when series disappear, the scraping Prometheus
 * writes staleness markers, so they stop counting within a scrape interval.
 * Series without staleness markers (backfilled data; a Prometheus restarted
 * while a pod was deleted) stay visible for the lookback delta after their
 * last sample, and bill those minutes too.
 *
 * Units. The queries answer in resource-minutes (bytes for memory); the
 * source divides exactly by 60 (and 2^30) and rounds.
 *
 * Cost. Prometheus 2.x evaluates a subquery step by step, and at every step
 * each operator (aggregation, binary operator, comparison) builds a new
 * vector and hashes every label set of it; selectors and functions of range
 * vectors (rate) are cheap in comparison. So the cost is about the number of
 * per-container operators times containers times minutes, and the queries
 * use as few of them as they can: the larger of usage and request is one
 * union and one `max`, not a comparison and two unions; the running filter
 * is a set operation (`and`), which needs no `max` over duplicate series;
 * the device query only joins and compares the containers and pods that
 * request devices. (README.md has the numbers.)
 */

/** kube-state-metrics' requests metric (`resource`, `unit` labels). */
const REQUESTS = 'kube_pod_container_resource_requests';

/**
 * KSM `resource` values that are not extended resources (cpu and memory have
 * their own queries): every other one is a device or extended resource.
 */
const NOT_EXTENDED =
  'cpu|memory|ephemeral_storage|storage|pods|hugepages_.+|attachable_volumes_.+';

/** KSM's name of whole NVIDIA GPUs, which the GPU branch handles. */
const NVIDIA_GPU = 'nvidia_com_gpu';

/** The node label GPU feature discovery sets to the GPU model, as KSM names it. */
export const GPU_PRODUCT_LABEL = 'label_nvidia_com_gpu_product';

/** The label the extended-resource query puts the GPU model into. */
export const MODEL_LABEL = 'model';

/** The queries of one window, and when to evaluate them. */
export interface WindowQueries {
  /** Core-minutes per namespace: max(request, usage) of running containers. */
  cpu: string;
  /** Byte-minutes per namespace: max(request, working set) of running containers. */
  memory: string;
  /**
   * Device-minutes per namespace, `resource` (KSM's name) and, for whole
   * NVIDIA GPUs on a node whose model is known, `model`.
   */
  extended: string;
  /** The number of minutes of the window at which KSM series are visible. */
  coverage: string;
  /** Evaluation time of the above, in seconds: the window end - 1 ms. */
  time: string;
  /** Non-empty when Prometheus holds KSM samples at or after the window end. */
  freshness: string;
  /** Evaluation time of `freshness`, in seconds: the window end + 5m. */
  freshnessTime: string;
  /** Minutes in the window: what `coverage` must answer. */
  minutes: number;
}

const MINUTE_MS = 60_000;

/** Milliseconds since the epoch → seconds with 3 decimals, exactly. */
export function formatSeconds(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const rest = ms - seconds * 1000;
  return rest === 0
    ? `${seconds}`
    : `${seconds}.${String(rest).padStart(3, '0')}`;
}

/**
 * The queries of the half-open window [start, end), whose bounds must be
 * whole minutes (the subquery steps are). `labelMatchers` go into every
 * series selector.
 */
export function buildWindowQueries(
  window: { start: Date; end: Date },
  labelMatchers: readonly string[] = [],
): WindowQueries {
  const startMs = window.start.getTime();
  const endMs = window.end.getTime();
  if (Number.isNaN(startMs) || Number.isNaN(endMs)) {
    throw new RangeError('window bounds must be valid dates');
  }
  if (startMs % MINUTE_MS !== 0 || endMs % MINUTE_MS !== 0) {
    throw new RangeError('window bounds must be whole minutes');
  }
  if (startMs >= endMs) {
    throw new RangeError(
      `window start ${window.start.toISOString()} is not before its end ${window.end.toISOString()}`,
    );
  }
  const minutes = (endMs - startMs) / MINUTE_MS;
  const range = `[${minutes}m:1m]`;

  const selector = (metric: string, ...matchers: string[]) => {
    const all = [...matchers, ...labelMatchers];
    return all.length ? `${metric}{${all.join(', ')}}` : metric;
  };
  const byContainer = 'namespace, pod, container';

  const running = selector('kube_pod_container_status_running');
  /**
   * expr, per container, kept at the steps where the container runs: where
   * any of its running series is 1 (`and` matches many-to-many, so the same
   * series scraped twice needs no `max`). `runningSeries` may narrow the
   * series compared, for cost.
   */
  const whileRunning = (expr: string, runningSeries = running) =>
    `(${expr} and on (${byContainer}) (${runningSeries} == 1))`;
  /**
   * The larger of usage and request per container; either one where the
   * other is missing. `usage` is aggregated to the container's labels, while
   * the request series keep their `resource` label: `or`, which matches on
   * all labels, never drops one for the other, and `max` then picks the
   * larger. A container has one request per resource: max, not sum, so that
   * the same series scraped twice (two KSM replicas or jobs) or a pod
   * recreated under its name (old series still within the lookback) is not
   * billed twice.
   */
  const larger = (usage: string, requestSeries: string) =>
    `max by (${byContainer}) (${usage} or ${requestSeries})`;
  const overWindow = (by: string, expr: string) =>
    `sum by (${by}) (sum_over_time(${expr}${range}))`;
  // cAdvisor also has series for the pod's cgroup (container="") and its
  // pause container ("POD"); only real containers count.
  const cadvisor = (metric: string) =>
    selector(metric, 'container!=""', 'container!="POD"');

  const cpu = overWindow(
    'namespace',
    whileRunning(
      larger(
        `sum by (${byContainer}) (rate(${cadvisor(
          'container_cpu_usage_seconds_total',
        )}[5m]))`,
        selector(REQUESTS, 'resource="cpu"', 'unit="core"'),
      ),
    ),
  );
  const memory = overWindow(
    'namespace',
    whileRunning(
      larger(
        `sum by (${byContainer}) (${cadvisor(
          'container_memory_working_set_bytes',
        )})`,
        selector(REQUESTS, 'resource="memory"', 'unit="byte"'),
      ),
    ),
  );

  // Extended resources are allocated as requested (requests equal limits).
  const gpuRequests = selector(REQUESTS, `resource="${NVIDIA_GPU}"`);
  const deviceRequests = (series: string) =>
    `max by (${byContainer}, resource) (${series})`;
  const gpus = deviceRequests(gpuRequests);
  const others = deviceRequests(
    selector(REQUESTS, `resource!~"${NOT_EXTENDED}|${NVIDIA_GPU}"`),
  );
  // The GPU model of each node that has one, then of each scheduled pod that
  // requests GPUs; topk keeps the joins one-to-one even if a pod or node
  // briefly has two series (e.g. a label changing). GPUs of pods whose node
  // has no model fall through to the branch without it.
  const nodeModel = `topk by (node) (1, max by (node, ${MODEL_LABEL}) (label_replace(${selector(
    'kube_node_labels',
    `${GPU_PRODUCT_LABEL}!=""`,
  )}, "${MODEL_LABEL}", "$1", "${GPU_PRODUCT_LABEL}", "(.+)")))`;
  const gpuPods = `(${selector(
    'kube_pod_info',
    'node!=""',
  )} and on (namespace, pod) ${gpuRequests})`;
  const podModel = `topk by (namespace, pod) (1, max by (namespace, pod, ${MODEL_LABEL}) (${gpuPods} * on (node) group_left (${MODEL_LABEL}) ${nodeModel}))`;
  // Only the running series of containers that request devices are
  // compared: the same result, at a fraction of the cost.
  const devicesRunning = `(${running} and on (${byContainer}) ${selector(
    REQUESTS,
    `resource!~"${NOT_EXTENDED}"`,
  )})`;
  const extended = overWindow(
    `namespace, resource, ${MODEL_LABEL}`,
    whileRunning(
      `((${gpus} * on (namespace, pod) group_left (${MODEL_LABEL}) ${podModel}) or on (${byContainer}, resource) ${gpus} or ${others})`,
      devicesRunning,
    ),
  );

  // kube_namespace_created exists for every namespace (kube-system at least)
  // whenever KSM is scraped: its absence means missing data, not idleness.
  const ksmPresence = selector('kube_namespace_created');
  const coverage = `count_over_time(count(${ksmPresence})${range})`;
  const freshness = `count(count_over_time(${ksmPresence}[5m]))`;

  return {
    cpu,
    memory,
    extended,
    coverage,
    time: formatSeconds(endMs - 1),
    freshness,
    freshnessTime: formatSeconds(endMs + 5 * MINUTE_MS),
    minutes,
  };
}
