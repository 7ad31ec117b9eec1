/**
 * Bison backend plugin: team wallets, usage billing, Capsule tenancy,
 * quotas, alerts and reports.
 *
 * @packageDocumentation
 */
export { bisonPlugin as default } from './plugin';
