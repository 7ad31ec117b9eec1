import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { BisonTenancyProcessor } from './processor/BisonTenancyProcessor';
import { BisonTenancyEntityProvider } from './provider/BisonTenancyEntityProvider';

/**
 * Catalog module publishing Bison teams (Capsule tenants) and their project
 * namespaces as `Resource` entities owned by the team's Group, refreshed on
 * the schedule of `catalog.providers.bison.schedule`, and relating each
 * namespace to its tenant (`partOf` / `hasPart`).
 *
 * @public
 */
export const catalogModuleBison = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'bison',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        rootLifecycle: coreServices.rootLifecycle,
      },
      async init({
        catalog,
        config,
        logger,
        discovery,
        auth,
        scheduler,
        rootLifecycle,
      }) {
        catalog.addProcessor(new BisonTenancyProcessor());
        catalog.addEntityProvider(
          BisonTenancyEntityProvider.fromConfig(config, {
            logger,
            discovery,
            auth,
            scheduler,
            rootLifecycle,
          }),
        );
      },
    });
  },
});
