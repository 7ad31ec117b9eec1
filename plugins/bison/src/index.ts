/**
 * Bison frontend plugin: team wallets, Kubernetes usage costs, quotas and
 * projects inside the developer portal.
 *
 * @packageDocumentation
 */
export { bisonPlugin, BisonPage, EntityBisonContent } from './plugin';
export { bisonApiRef, BisonClient } from './api';
export type { BisonApi, BisonSettings } from './api';
