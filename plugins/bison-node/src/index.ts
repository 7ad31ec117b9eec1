/**
 * Node library of the Bison plugin: extension points for backend modules and
 * permission helpers for policy authors.
 *
 * @packageDocumentation
 */
export type { NamespaceUsage, UsageSource } from './usage/UsageSource';
export { bisonUsageSourcesExtensionPoint } from './usage/usageSourcesExtensionPoint';
export type { BisonUsageSourcesExtensionPoint } from './usage/usageSourcesExtensionPoint';
export * from './permissions';
