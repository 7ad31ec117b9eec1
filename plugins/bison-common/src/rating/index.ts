export type {
  UsageLine,
  PriceTable,
  CostLine,
  UnpricedPolicy,
  RateUsageOptions,
  RatedUsage,
} from './types';
export { UnpricedResourceError } from './UnpricedResourceError';
export { findPrice } from './findPrice';
export { rateUsage } from './rateUsage';
export { totalsBy } from './totalsBy';
