import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NamespaceUsage, UsageSource } from '@bison/plugin-bison-node';
import { fetchText, shortenErrorText } from '../shared/http';
import { OpenCostResponseError, UsageNotYetAvailableError } from './errors';
import { parseAllocationResponse } from './parseAllocationResponse';
import { OpenCostSettings, readOpenCostConfig } from './readOpenCostConfig';

export interface OpenCostUsageSourceOptions {
  /** Told about allocations with partly null usage figures. */
  logger?: LoggerService;
}

/** OpenCost prints RFC 3339 in whole seconds; so do we. */
function formatTime(date: Date, what: string): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) {
    throw new RangeError(`window ${what} is not a valid date`);
  }
  if (ms % 1000 !== 0) {
    throw new RangeError(`window ${what} must be a whole second`);
  }
  return date.toISOString().replace('.000Z', 'Z');
}

/** The message of an error answer: JSON `{code, message}` or plain text. */
function errorMessage(text: string): string {
  let message = text;
  try {
    const json = JSON.parse(text);
    if (typeof json?.message === 'string') message = json.message;
  } catch {
    // plain text, e.g. a bad window or aggregate
  }
  return shortenErrorText(message);
}

/**
 * Usage from OpenCost's allocation API (`GET /allocation`, port 9003 by
 * default; Kubecost serves it as `/model/allocation`), aggregated by
 * namespace and accumulated over the billing window. Costs in the answer are
 * ignored: Bison prices the usage itself.
 *
 * See {@link parseAllocationResponse} for how the answer is checked
 * (coverage, nulls) and converted (exact decimals; memory in GiB-hours
 * rounded half to even to 9 decimals).
 */
export class OpenCostUsageSource implements UsageSource {
  readonly id = 'opencost';

  constructor(
    private readonly settings: OpenCostSettings,
    private readonly options: OpenCostUsageSourceOptions = {},
  ) {}

  /** The request URL for [start, end). */
  allocationUrl(window: { start: Date; end: Date }): string {
    const start = formatTime(window.start, 'start');
    const end = formatTime(window.end, 'end');
    if (window.start.getTime() >= window.end.getTime()) {
      throw new RangeError(`window start ${start} is not before end ${end}`);
    }
    // ',' and ':' are fine in a query; OpenCost splits the window on ','.
    return `${this.settings.baseUrl}${this.settings.allocationPath}?window=${start},${end}&aggregate=namespace&accumulate=true`;
  }

  async getUsage(
    window: { start: Date; end: Date },
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<NamespaceUsage[]> {
    signal?.throwIfAborted();
    const url = this.allocationUrl(window);
    if (window.end.getTime() > Date.now()) {
      throw new UsageNotYetAvailableError(
        `the window ends at ${window.end.toISOString()}, in the future`,
      );
    }
    const { timeoutMs, headers } = this.settings;
    const { status, text } = await fetchText(
      url,
      { headers: { Accept: 'application/json', ...headers } },
      { timeoutMs, signal, errorClass: OpenCostResponseError },
    );
    if (status !== 200) {
      throw new OpenCostResponseError(
        `${url} answered HTTP ${status}: ${errorMessage(text)}`,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new OpenCostResponseError(
        `answer from ${url} is not valid JSON: ${(error as Error).message}`,
        { cause: error },
      );
    }
    return parseAllocationResponse(body, {
      start: window.start,
      end: window.end,
      warn: message => this.options.logger?.warn(message),
    });
  }
}

/**
 * The OpenCost usage source configured in `bison.billing.opencost`, or
 * undefined when that section is absent. Throws, naming the key, when the
 * configuration is invalid.
 */
export function createOpenCostUsageSource(
  config: Config,
  options?: OpenCostUsageSourceOptions,
): OpenCostUsageSource | undefined {
  const settings = readOpenCostConfig(config);
  return settings && new OpenCostUsageSource(settings, options);
}
