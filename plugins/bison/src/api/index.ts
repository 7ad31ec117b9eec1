export { bisonApiRef } from './BisonApi';
export type { BisonApi, BisonSettings } from './BisonApi';
export { BisonClient } from './BisonClient';
