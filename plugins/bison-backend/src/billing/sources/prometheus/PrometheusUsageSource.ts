import { Config } from '@backstage/config';
import { NamespaceUsage, UsageSource } from '@bison/plugin-bison-node';
import {
  addDecimals,
  BYTES_PER_GIB,
  divideRounded,
  ExactDecimal,
  formatDecimal,
  isNegative,
  parseDecimal,
} from '../shared/exactDecimal';
import { fetchText, shortenErrorText } from '../shared/http';
import { isRecord } from '../shared/isRecord';
import {
  PrometheusDataNotAvailableError,
  PrometheusQueryError,
} from './errors';
import { buildWindowQueries, MODEL_LABEL } from './queries';
import {
  PrometheusSettings,
  readPrometheusConfig,
} from './readPrometheusConfig';
import { gpuModelKey, resourceKeyFromKsm } from './resourceKeys';

/**
 * Decimals of every quantity this source reports, rounded half to even.
 * Prometheus sums floats, so its answers carry float noise around the 15th
 * significant digit (2.0000000000000004 core-hours); 6 decimals remove it and
 * keep a millionth of a core-hour or GiB-hour, far below any price step.
 */
export const USAGE_DECIMALS = 6;

const MINUTES_PER_HOUR = 60n;

/** One series of an instant vector. */
export interface VectorSample {
  metric: Record<string, string>;
  value: string;
}

/** Code-unit order, the same in every locale. */
function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** The samples of an `/api/v1/query` answer, checked; throws otherwise. */
export function parseVectorAnswer(body: unknown, what: string): VectorSample[] {
  const invalid = (detail: string) =>
    new PrometheusQueryError(`the ${what} query's answer ${detail}`);
  if (!isRecord(body)) throw invalid('is not a JSON object');
  if (body.status === 'error') {
    throw new PrometheusQueryError(
      `the ${what} query failed: ${String(
        body.errorType ?? 'error',
      )}: ${shortenErrorText(String(body.error ?? ''))}`,
    );
  }
  if (body.status !== 'success') throw invalid('has no status success');
  if (Array.isArray(body.warnings) && body.warnings.length > 0) {
    // Warnings mean partial data (e.g. a remote store did not answer).
    throw new PrometheusQueryError(
      `the ${what} query answered with warnings: ${shortenErrorText(
        body.warnings.map(String).join('; '),
      )}`,
    );
  }
  const data = body.data;
  if (!isRecord(data) || data.resultType !== 'vector') {
    throw invalid('is not an instant vector');
  }
  if (!Array.isArray(data.result)) throw invalid('has no result list');
  return data.result.map((item: unknown) => {
    if (
      !isRecord(item) ||
      !isRecord(item.metric) ||
      !Array.isArray(item.value) ||
      item.value.length !== 2 ||
      typeof item.value[1] !== 'string' ||
      Object.values(item.metric).some(v => typeof v !== 'string')
    ) {
      throw invalid('has a malformed sample');
    }
    return {
      metric: item.metric as Record<string, string>,
      value: item.value[1],
    };
  });
}

/**
 * Usage from Prometheus, computed from kube-state-metrics and cAdvisor series
 * with the PromQL in ./queries.ts (`POST /api/v1/query`, one instant query
 * per resource family, each evaluated once for the whole window).
 *
 * - `cpu` core-hours and `memory` GiB-hours (2^30 bytes): per container the
 *   larger of request and usage (rate of `container_cpu_usage_seconds_total`
 *   over 5m; `container_memory_working_set_bytes`), while running.
 * - Devices and other extended resources: requests while running, as
 *   device-hours. Whole NVIDIA GPUs are reported as `nvidia.com/gpu:<model>`
 *   when the pod's node has the label `nvidia.com/gpu.product` (exposed by
 *   KSM as `kube_node_labels{label_nvidia_com_gpu_product}`, which needs
 *   `--metric-labels-allowlist=nodes=[nvidia.com/gpu.product]`), and as
 *   `nvidia.com/gpu` otherwise: one key per GPU-hour, never both. MIG
 *   profiles (`nvidia_com_mig_1g_10gb`) become `nvidia.com/mig-1g.10gb`; see
 *   ./resourceKeys.ts for other names.
 * - Quantities are exact decimal strings, rounded half to even to 6
 *   decimals; zero lines are omitted.
 *
 * "No usage" versus "no data": before answering, the source checks that KSM's
 * `kube_namespace_created` (one series per namespace, so never empty while
 * KSM is scraped) is visible at every minute of the window, and that
 * Prometheus holds a sample of it at or after the window end (it has ingested
 * past the window). Otherwise it throws {@link PrometheusDataNotAvailableError}
 * and the window is retried later.
 */
export class PrometheusUsageSource implements UsageSource {
  readonly id = 'prometheus';

  constructor(private readonly settings: PrometheusSettings) {}

  async getUsage(
    window: { start: Date; end: Date },
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<NamespaceUsage[]> {
    signal?.throwIfAborted();
    const queries = buildWindowQueries(window, this.settings.labelMatchers);
    if (window.end.getTime() > Date.now()) {
      throw new PrometheusDataNotAvailableError(
        `the window ends at ${window.end.toISOString()}, in the future`,
      );
    }
    // The first failure cancels the other queries.
    const failed = new AbortController();
    const querySignal = signal
      ? AbortSignal.any([signal, failed.signal])
      : failed.signal;
    const run = (what: string, query: string, time: string) =>
      this.query(what, query, time, querySignal).catch(error => {
        failed.abort(error);
        throw error;
      });
    const settled = await Promise.allSettled([
      run('coverage', queries.coverage, queries.time),
      run('freshness', queries.freshness, queries.freshnessTime),
      run('cpu', queries.cpu, queries.time),
      run('memory', queries.memory, queries.time),
      run('extended-resource', queries.extended, queries.time),
    ]);
    if (signal?.aborted) throw signal.reason;
    // The error that came first, not one caused by cancelling the others.
    const firstError = failed.signal.reason;
    if (firstError !== undefined) throw firstError;
    const [coverage, freshness, cpu, memory, extended] = settled.map(
      result => (result as PromiseFulfilledResult<VectorSample[]>).value,
    );

    const covered = coverage.length === 1 ? Number(coverage[0].value) : 0;
    if (covered !== queries.minutes) {
      throw new PrometheusDataNotAvailableError(
        `kube-state-metrics series (kube_namespace_created) are visible at ${covered} of the ${
          queries.minutes
        } minutes of ${window.start.toISOString()}/${window.end.toISOString()}`,
      );
    }
    if (freshness.length === 0) {
      throw new PrometheusDataNotAvailableError(
        `Prometheus holds no kube-state-metrics sample at or after the window end ${window.end.toISOString()} yet`,
      );
    }

    const totals = new Map<
      string,
      {
        namespace: string;
        resource: string;
        sum: ExactDecimal;
        divisor: bigint;
      }
    >();
    const add = (
      what: string,
      sample: VectorSample,
      resource: string,
      divisor: bigint,
    ) => {
      const namespace = sample.metric.namespace;
      if (!namespace) {
        throw new PrometheusQueryError(
          `the ${what} query answered a series without a namespace label`,
        );
      }
      let value: ExactDecimal;
      try {
        value = parseDecimal(sample.value);
      } catch (error) {
        throw new PrometheusQueryError(
          `the ${what} query answered ${
            (error as Error).message
          } for namespace ${namespace}`,
        );
      }
      if (isNegative(value)) {
        throw new PrometheusQueryError(
          `the ${what} query answered a negative quantity for namespace ${namespace}`,
        );
      }
      const key = `${namespace}\u0000${resource}`;
      const total = totals.get(key);
      if (total) total.sum = addDecimals(total.sum, value);
      else totals.set(key, { namespace, resource, sum: value, divisor });
    };

    for (const sample of cpu) add('cpu', sample, 'cpu', MINUTES_PER_HOUR);
    for (const sample of memory) {
      add('memory', sample, 'memory', MINUTES_PER_HOUR * BYTES_PER_GIB);
    }
    for (const sample of extended) {
      const ksmResource = sample.metric.resource;
      if (!ksmResource) {
        throw new PrometheusQueryError(
          'the extended-resource query answered a series without a resource label',
        );
      }
      const model = sample.metric[MODEL_LABEL];
      const resource =
        ksmResource === 'nvidia_com_gpu' && model
          ? gpuModelKey(model)
          : resourceKeyFromKsm(ksmResource);
      add('extended-resource', sample, resource, MINUTES_PER_HOUR);
    }

    const usage: NamespaceUsage[] = [];
    for (const { namespace, resource, sum, divisor } of totals.values()) {
      const quantity = formatDecimal(
        divideRounded(sum, divisor, USAGE_DECIMALS),
      );
      if (quantity !== '0') usage.push({ namespace, resource, quantity });
    }
    return usage.sort(
      (a, b) =>
        compareStrings(a.namespace, b.namespace) ||
        compareStrings(a.resource, b.resource),
    );
  }

  /** One instant query, within the timeout and the signal. */
  private async query(
    what: string,
    query: string,
    time: string,
    signal: AbortSignal,
  ): Promise<VectorSample[]> {
    const { baseUrl, timeoutMs, token } = this.settings;
    const url = `${baseUrl}/api/v1/query`;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    // POST with a form body: the queries are too long for a URL.
    const { status, text } = await fetchText(
      url,
      {
        method: 'POST',
        headers,
        body: new URLSearchParams({
          query,
          time,
          // Prometheus' own evaluation limit; its --query.timeout caps it.
          timeout: `${Math.max(1, Math.ceil(timeoutMs / 1000))}s`,
        }),
      },
      {
        timeoutMs,
        signal,
        errorClass: PrometheusQueryError,
        what: `the ${what} query`,
      },
    );
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (status !== 200) {
      // Prometheus answers errors (400 bad_data, 422 execution, 503 timeout)
      // with an error envelope: its message says what went wrong.
      const envelope =
        isRecord(body) && body.status === 'error' ? body : undefined;
      throw new PrometheusQueryError(
        `${url} answered the ${what} query with HTTP ${status}: ${
          envelope
            ? `${String(envelope.errorType ?? 'error')}: ${shortenErrorText(
                String(envelope.error ?? ''),
              )}`
            : shortenErrorText(text)
        }`,
      );
    }
    if (body === undefined) {
      throw new PrometheusQueryError(
        `${url} answered the ${what} query with a body that is not JSON: ${shortenErrorText(
          text,
        )}`,
      );
    }
    return parseVectorAnswer(body, what);
  }
}

/**
 * The Prometheus usage source configured in `bison.billing.prometheus`, or
 * undefined when that section is absent. Throws, naming the key, when the
 * configuration is invalid.
 */
export function createPrometheusUsageSource(
  config: Config,
): PrometheusUsageSource | undefined {
  const settings = readPrometheusConfig(config);
  return settings && new PrometheusUsageSource(settings);
}
