export type { TimeWindow, ClosedWindowsOptions } from './closedWindows';
export { alignWindowStart } from './alignWindowStart';
export { closedWindows } from './closedWindows';
export { parseIsoInstant } from './parseIsoInstant';
