import { Micros } from '../money/micros';

/**
 * Usage of one resource by one namespace over a billing window.
 *
 * @public
 */
export interface UsageLine {
  namespace: string;
  /**
   * Resource key, e.g. 'cpu', 'memory', 'nvidia.com/gpu',
   * 'nvidia.com/gpu:A100' (GPU with model), 'nvidia.com/mig-1g.10gb'.
   */
  resource: string;
  /**
   * Non-negative plain decimal string in the resource's hour unit:
   * core-hours, GiB-hours or device-hours.
   */
  quantity: string;
}

/**
 * Price per unit-hour, in micros, by resource key.
 *
 * @public
 */
export type PriceTable = Record<string, Micros>;

/** @public */
export type CostLine = UsageLine & {
  unitPriceMicros: Micros;
  costMicros: Micros;
};

/**
 * What to do with usage of a resource that has no price:
 * 'error' throws UnpricedResourceError, 'skip' leaves it out of the cost
 * lines, 'zero' rates it at price 0.
 *
 * @public
 */
export type UnpricedPolicy = 'error' | 'skip' | 'zero';

/** @public */
export interface RateUsageOptions {
  /** Default 'error'. */
  onUnpriced?: UnpricedPolicy;
}

/** @public */
export interface RatedUsage {
  /** One line per (namespace, resource), in order of first appearance. */
  lines: CostLine[];
  /** Exact sum of the lines' costMicros. */
  totalMicros: Micros;
  /**
   * Lines (after merging duplicates) that had no price, whether they were
   * skipped or rated at zero.
   */
  unpriced: UsageLine[];
}
