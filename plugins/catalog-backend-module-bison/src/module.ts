import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';

/**
 * Catalog module that will publish Bison teams (Capsule tenants) and their
 * project namespaces as `Resource` entities owned by their Group. The entity
 * provider arrives with the tenancy integration; until then the module only
 * announces itself, so it is not yet installed in the demo backend.
 *
 * @public
 */
export const catalogModuleBison = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'bison',
  register(reg) {
    reg.registerInit({
      deps: { logger: coreServices.logger },
      async init({ logger }) {
        logger.info('Bison catalog module loaded');
      },
    });
  },
});
