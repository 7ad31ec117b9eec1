import { NamespaceUsage } from '@bison/plugin-bison-node';
import { isRecord } from '../shared/isRecord';
import {
  BYTES_PER_GIB,
  decimalFromJsonNumber,
  divideRounded,
  ExactDecimal,
  formatDecimal,
  isNegative,
  isZero,
} from '../shared/exactDecimal';
import { OpenCostResponseError, UsageNotYetAvailableError } from './errors';

/**
 * Decimals kept for memory GiB-hours (rounded half to even). Exact division
 * by 2^30 would terminate too (x / 2^30 = x × 5^30 / 10^30) but can need 35
 * decimals; a nano-GiB-hour is about one byte-hour, far below what anybody
 * is charged for.
 */
export const MEMORY_DECIMALS = 9;

/**
 * Aggregate names OpenCost uses for what belongs to no namespace.
 *
 * - `__idle__`: capacity nobody requested (only with includeIdle). It is the
 *   cluster's cost, not a namespace's usage: skipped.
 * - `__unallocated__`: usage OpenCost cannot attribute to a namespace. Kept,
 *   under the namespace `__unallocated__`, so the engine records it as
 *   unallocated instead of it silently disappearing.
 * - `__shared__`: cost redistributed by the shareNamespaces/shareCost
 *   options, which this source never sends; it carries money, not usage of
 *   its own (the usage stays with the namespaces it came from): skipped.
 * - `__unmounted__`: persistent volumes no pod mounts. Only storage
 *   (pvByteHours/pvCost), no CPU, memory or GPU: skipped.
 *
 * Any other `__name__` is unknown to us and rejected rather than guessed.
 */
export const UNALLOCATED = '__unallocated__';
const SKIPPED = new Set(['__idle__', '__shared__', '__unmounted__']);

// Kubernetes namespace names are DNS-1123 labels.
const NAMESPACE_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Usage fields we read, and the resource each becomes. */
const USAGE_FIELDS = ['cpuCoreHours', 'ramByteHours', 'gpuHours'] as const;
type UsageField = (typeof USAGE_FIELDS)[number];

export interface ParseOptions {
  start: Date;
  end: Date;
  /** Told about allocations whose usage fields are partly null. */
  warn?: (message: string) => void;
}

function parseTime(value: unknown, what: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) {
    throw new OpenCostResponseError(
      `${what} is not an RFC 3339 time: ${JSON.stringify(value)}`,
    );
  }
  return ms;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** A usage figure: exact decimal, or null where OpenCost computed NaN/Inf. */
function readFigure(
  allocation: Record<string, unknown>,
  field: UsageField,
  name: string,
): ExactDecimal | null {
  if (!(field in allocation)) {
    throw new OpenCostResponseError(
      `allocation '${name}' has no ${field} field; is this OpenCost's allocation API?`,
    );
  }
  const value = allocation[field];
  if (value === null) return null;
  if (typeof value !== 'number') {
    throw new OpenCostResponseError(
      `allocation '${name}' has a non-numeric ${field}: ${JSON.stringify(
        value,
      )}`,
    );
  }
  const decimal = decimalFromJsonNumber(value);
  if (isNegative(decimal)) {
    throw new OpenCostResponseError(
      `allocation '${name}' has a negative ${field}: ${formatDecimal(decimal)}`,
    );
  }
  return decimal;
}

/**
 * Turns the body of `/allocation?aggregate=namespace&accumulate=true` for
 * the window [start, end) into usage lines, or throws.
 *
 * Coverage check. OpenCost answers with whatever its Prometheus holds, so a
 * window Prometheus has not fully caught up with comes back short rather
 * than failing. We throw {@link UsageNotYetAvailableError} unless:
 *
 * 1. `data` holds exactly one, non-empty allocation set (accumulate=true);
 * 2. every allocation's `window` is exactly [start, end] (OpenCost clamps
 *    or shifts windows it cannot compute whole);
 * 3. every allocation's `start`/`end` lies inside the window and its
 *    `minutes` is no longer than the window;
 * 4. the billed allocations (namespaces and `__unallocated__`) together
 *    start exactly at `start` and end exactly at `end`. OpenCost sets an
 *    allocation's start/end to the first/last Prometheus sample of its pods,
 *    clamped to the window (and to "now"); some pods - kube-system's at
 *    least - run throughout, so when the latest end falls short of the
 *    window end Prometheus has not caught up (or was down). A namespace that
 *    started later is fine: coverage is judged over all of them together.
 *    `__idle__` and `__unmounted__` are left out: OpenCost gives them the
 *    window's bounds whatever the data.
 *
 * Nulls. OpenCost prints NaN/Inf as null. A null usage figure counts as zero
 * for that resource (with a warning). An allocation whose three figures are
 * all null is refused unless its `minutes` is exactly 0: something ran and we
 * cannot tell how much, and billing it as nothing is silent under-charging.
 *
 * Quantities: `cpu` = cpuCoreHours and `nvidia.com/gpu` = gpuHours (requested
 * GPUs × hours), both exactly as printed; `memory` = ramByteHours / 2^30,
 * rounded half to even to 9 decimals. Lines whose quantity is 0 (after that
 * rounding) are left out. OpenCost cannot split GPU hours by model when
 * aggregating by namespace, so per-model keys (`nvidia.com/gpu:A100`) come
 * from the Prometheus source only.
 */
export function parseAllocationResponse(
  body: unknown,
  { start, end, warn }: ParseOptions,
): NamespaceUsage[] {
  if (!isRecord(body)) {
    throw new OpenCostResponseError('answer is not a JSON object');
  }
  if (body.code !== 200) {
    const message =
      typeof body.message === 'string' ? body.message : 'no message';
    throw new OpenCostResponseError(
      `answer has code ${JSON.stringify(body.code)}: ${message}`,
    );
  }
  const { data } = body;
  const requested = `${iso(start.getTime())}, ${iso(end.getTime())}`;
  if (!Array.isArray(data) || data.length === 0) {
    throw new UsageNotYetAvailableError(
      `OpenCost returned no allocation set for ${requested}`,
    );
  }
  if (data.length !== 1) {
    throw new OpenCostResponseError(
      `expected one accumulated allocation set, got ${data.length}`,
    );
  }
  const set = data[0];
  if (!isRecord(set)) {
    throw new OpenCostResponseError('the allocation set is not an object');
  }
  const names = Object.keys(set);
  if (names.length === 0) {
    throw new UsageNotYetAvailableError(
      `OpenCost returned an empty allocation set for ${requested}`,
    );
  }

  const windowStart = start.getTime();
  const windowEnd = end.getTime();
  const windowMinutes = (windowEnd - windowStart) / 60_000;
  let earliestStart = Infinity;
  let latestEnd = -Infinity;
  let billed = 0;
  const usage: NamespaceUsage[] = [];

  for (const name of names.sort()) {
    const allocation = set[name];
    if (!isRecord(allocation)) {
      throw new OpenCostResponseError(`allocation '${name}' is not an object`);
    }
    const skipped = SKIPPED.has(name);
    if (!skipped && name !== UNALLOCATED) {
      if (name.startsWith('__')) {
        throw new OpenCostResponseError(`unknown special allocation '${name}'`);
      }
      if (!NAMESPACE_NAME.test(name)) {
        throw new OpenCostResponseError(
          `allocation key '${name}' is not a namespace name; was it aggregated by namespace?`,
        );
      }
    }

    // Window: the set's window, repeated in every allocation.
    const window = allocation.window;
    const allocWindowStart = parseTime(
      isRecord(window) ? window.start : undefined,
      `window.start of '${name}'`,
    );
    const allocWindowEnd = parseTime(
      isRecord(window) ? window.end : undefined,
      `window.end of '${name}'`,
    );
    if (allocWindowStart !== windowStart || allocWindowEnd !== windowEnd) {
      throw new UsageNotYetAvailableError(
        `OpenCost computed the window ${iso(allocWindowStart)}, ${iso(
          allocWindowEnd,
        )} instead of ${requested}`,
      );
    }

    // Where this allocation has data.
    const allocStart = parseTime(allocation.start, `start of '${name}'`);
    const allocEnd = parseTime(allocation.end, `end of '${name}'`);
    if (
      allocStart < windowStart ||
      allocEnd > windowEnd ||
      allocStart > allocEnd
    ) {
      throw new OpenCostResponseError(
        `allocation '${name}' spans ${iso(allocStart)}, ${iso(
          allocEnd,
        )}, outside the window ${requested}`,
      );
    }
    const minutes = allocation.minutes;
    if (minutes !== null && typeof minutes !== 'number') {
      throw new OpenCostResponseError(
        `allocation '${name}' has a non-numeric minutes`,
      );
    }
    // Not a quantity: a plausibility bound, where float is fine.
    if (minutes !== null && (minutes < 0 || minutes > windowMinutes + 1e-5)) {
      throw new OpenCostResponseError(
        `allocation '${name}' ran ${minutes} minutes in a ${windowMinutes}-minute window`,
      );
    }
    if (skipped) continue;

    billed++;
    earliestStart = Math.min(earliestStart, allocStart);
    latestEnd = Math.max(latestEnd, allocEnd);

    const cpu = readFigure(allocation, 'cpuCoreHours', name);
    const ram = readFigure(allocation, 'ramByteHours', name);
    const gpu = readFigure(allocation, 'gpuHours', name);
    const nulls = USAGE_FIELDS.filter((_, i) => [cpu, ram, gpu][i] === null);
    if (nulls.length === USAGE_FIELDS.length && minutes !== 0) {
      throw new OpenCostResponseError(
        `allocation '${name}' ran ${
          minutes ?? 'an unknown number of'
        } minutes but all of ${USAGE_FIELDS.join(
          ', ',
        )} are null; refusing to bill it as zero`,
      );
    }
    if (nulls.length > 0 && nulls.length < USAGE_FIELDS.length) {
      warn?.(
        `OpenCost allocation '${name}' has null ${nulls.join(
          ', ',
        )} for ${requested}; counted as zero`,
      );
    }

    const lines: Array<[string, ExactDecimal | null]> = [
      ['cpu', cpu],
      ['memory', ram && divideRounded(ram, BYTES_PER_GIB, MEMORY_DECIMALS)],
      ['nvidia.com/gpu', gpu],
    ];
    for (const [resource, quantity] of lines) {
      if (quantity && !isZero(quantity)) {
        usage.push({
          namespace: name,
          resource,
          quantity: formatDecimal(quantity),
        });
      }
    }
  }

  if (billed === 0) {
    throw new UsageNotYetAvailableError(
      `OpenCost returned no namespace allocations for ${requested}`,
    );
  }
  if (earliestStart !== windowStart || latestEnd !== windowEnd) {
    throw new UsageNotYetAvailableError(
      `OpenCost has data for ${iso(earliestStart)}, ${iso(
        latestEnd,
      )} only, not the whole window ${requested}; its Prometheus has not caught up yet`,
    );
  }
  return usage;
}
