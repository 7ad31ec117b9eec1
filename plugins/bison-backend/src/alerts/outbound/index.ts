export type { AllowedHosts } from './allowedHosts';
export { NO_ALLOWED_HOSTS, parseAllowedHosts } from './allowedHosts';
export type { OutboundPolicy } from './checkDestination';
export {
  checkDestination,
  parseDestination,
  resolveAllowedAddress,
} from './checkDestination';
export { createGuardedHttp } from './guardedHttp';
export { OutboundRefusedError } from './OutboundRefusedError';
