export {
  OpenCostUsageSource,
  createOpenCostUsageSource,
} from './OpenCostUsageSource';
export type { OpenCostUsageSourceOptions } from './OpenCostUsageSource';
export { OpenCostResponseError, UsageNotYetAvailableError } from './errors';
export { readOpenCostConfig } from './readOpenCostConfig';
export type { OpenCostSettings } from './readOpenCostConfig';
