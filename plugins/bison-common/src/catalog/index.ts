export { BISON_TENANT_ANNOTATION, tenantNameOfGroup } from './tenantName';
