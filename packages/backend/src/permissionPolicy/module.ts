import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { BisonExamplePolicy } from './BisonExamplePolicy';
import { catalogGroupAncestry } from './catalogGroupAncestry';

/**
 * Installs {@link BisonExamplePolicy}, with its admin and finance groups
 * from `bisonPolicy.adminGroups` and `bisonPolicy.financeGroups`.
 */
export const bisonExamplePolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'bison-example-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ policy, config, catalog, auth }) {
        policy.setPolicy(
          new BisonExamplePolicy({
            adminGroups:
              config.getOptionalStringArray('bisonPolicy.adminGroups') ?? [],
            financeGroups:
              config.getOptionalStringArray('bisonPolicy.financeGroups') ?? [],
            ancestry: catalogGroupAncestry(catalog, auth),
          }),
        );
      },
    });
  },
});
