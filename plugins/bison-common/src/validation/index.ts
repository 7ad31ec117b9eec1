export { RESERVED_NAMESPACE_NAMES, tenantNameProblem } from './tenantName';
