export {
  PrometheusUsageSource,
  createPrometheusUsageSource,
} from './PrometheusUsageSource';
export {
  PrometheusDataNotAvailableError,
  PrometheusQueryError,
} from './errors';
export { readPrometheusConfig } from './readPrometheusConfig';
export type { PrometheusSettings } from './readPrometheusConfig';
export { USAGE_DECIMALS } from './PrometheusUsageSource';
