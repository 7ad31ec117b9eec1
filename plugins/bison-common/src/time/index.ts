export type { TimeWindow, ClosedWindowsOptions } from './closedWindows';
export { alignWindowStart } from './alignWindowStart';
export { closedWindows } from './closedWindows';
export { parseIsoInstant } from './parseIsoInstant';
export type { BucketGranularity } from './bucketStart';
export { bucketStart } from './bucketStart';
