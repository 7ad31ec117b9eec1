/**
 * Catalog module of the Bison plugin suite: Bison teams (Capsule tenants) and
 * their project namespaces as `Resource` entities owned by the team's Group.
 *
 * @packageDocumentation
 */
export { catalogModuleBison as default } from './module';
export {
  BisonTenancyEntityProvider,
  type BisonTenancyEntityProviderOptions,
} from './provider/BisonTenancyEntityProvider';
export { BisonTenancyProcessor } from './processor/BisonTenancyProcessor';
