export { BISON_TENANT_ANNOTATION, tenantNameOfGroup } from './tenantName';
export { BISON_PROJECT_ANNOTATION } from './project';
