/**
 * Node library of the Bison plugin: extension points for backend modules
 * (usage sources, alert channels) and permission helpers for policy authors.
 *
 * @packageDocumentation
 */
export type { NamespaceUsage, UsageSource } from './usage/UsageSource';
export { bisonUsageSourcesExtensionPoint } from './usage/usageSourcesExtensionPoint';
export type { BisonUsageSourcesExtensionPoint } from './usage/usageSourcesExtensionPoint';
export * from './permissions';
export * from './alerts';
