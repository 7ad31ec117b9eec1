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
 */

/** kube-state-metrics' requests metric (`resource`, `unit` labels). */
const REQUESTS = 'kube_pod_container_resource_requests';

/**
 * KSM `resource` values that are not extended resources (cpu and memory have
 * their own queries), and `nvidia_com_gpu`, which the GPU branch handles.
 */
const NOT_EXTENDED =
  'cpu|memory|ephemeral_storage|storage|pods|hugepages_.+|attachable_volumes_.+|nvidia_com_gpu';

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

  const running = `(max by (${byContainer}) (${selector(
    'kube_pod_container_status_running',
  )}) == 1)`;
  /** expr, per container, kept only while the container runs. */
  const whileRunning = (expr: string) =>
    `(${expr} * on (${byContainer}) group_left () ${running})`;
  /** The larger of usage and request; either one where the other is missing. */
  const larger = (usage: string, request: string) =>
    `((${usage} > ${request}) or ${request} or ${usage})`;
  const overWindow = (by: string, expr: string) =>
    `sum by (${by}) (sum_over_time(${expr}${range}))`;
  // A container has one request per resource: max, not sum, so that the
  // same series scraped twice (two KSM replicas or jobs) or a pod recreated
  // under its name (old series still within the lookback) is not billed twice.
  const requests = (resource: string, unit: string) =>
    `max by (${byContainer}) (${selector(REQUESTS, resource, unit)})`;
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
        requests('resource="cpu"', 'unit="core"'),
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
        requests('resource="memory"', 'unit="byte"'),
      ),
    ),
  );

  // Extended resources are allocated as requested (requests equal limits).
  const deviceRequests = (resource: string) =>
    whileRunning(
      `max by (${byContainer}, resource) (${selector(REQUESTS, resource)})`,
    );
  const gpus = deviceRequests('resource="nvidia_com_gpu"');
  const others = deviceRequests(`resource!~"${NOT_EXTENDED}"`);
  // The GPU model of each node (none when the label is missing), then of each
  // scheduled pod; topk keeps the joins one-to-one even if a pod or node
  // briefly has two series (e.g. a label changing).
  const nodeModel = `topk by (node) (1, max by (node, ${MODEL_LABEL}) (label_replace(${selector(
    'kube_node_labels',
  )}, "${MODEL_LABEL}", "$1", "${GPU_PRODUCT_LABEL}", "(.+)")))`;
  const podModel = `topk by (namespace, pod) (1, max by (namespace, pod, ${MODEL_LABEL}) (${selector(
    'kube_pod_info',
    'node!=""',
  )} * on (node) group_left (${MODEL_LABEL}) ${nodeModel}))`;
  const extended = overWindow(
    `namespace, resource, ${MODEL_LABEL}`,
    `((${gpus} * on (namespace, pod) group_left (${MODEL_LABEL}) ${podModel}) or on (${byContainer}, resource) ${gpus} or ${others})`,
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
