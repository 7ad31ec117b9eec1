import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { bisonUsageSourcesExtensionPoint } from '@bison/plugin-bison-node';
import { UsageSourceRegistry } from './billing/UsageSourceRegistry';
import { migrateDatabase } from './database/migrateDatabase';
import { createRouter } from './router/createRouter';
import { readSettings } from './settings/readSettings';

/**
 * The Bison backend plugin, served under `/api/bison`.
 *
 * @public
 */
export const bisonPlugin = createBackendPlugin({
  pluginId: 'bison',
  register(env) {
    const usageSources = new UsageSourceRegistry();
    env.registerExtensionPoint(bisonUsageSourcesExtensionPoint, usageSources);

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
      },
      async init({ config, database, httpAuth, httpRouter }) {
        const settings = readSettings(config);
        await migrateDatabase(database);
        httpRouter.use(await createRouter({ httpAuth, settings }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
