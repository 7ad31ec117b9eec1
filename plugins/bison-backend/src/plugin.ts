import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  bisonAlertChannelsExtensionPoint,
  bisonUsageSourcesExtensionPoint,
} from '@bison/plugin-bison-node';
import { createActivity } from './activity/createActivity';
import { createAlerts } from './alerts/createAlerts';
import { createReports } from './reports/createReports';
import { ChannelTypeRegistry } from './alerts/delivery/ChannelTypeRegistry';
import { createBilling } from './billing/createBilling';
import {
  CapsuleNamespaceOwners,
  fixedNamespaceOwners,
  NamespaceOwners,
} from './billing/NamespaceOwners';
import { NamespaceOwnerHistory } from './billing/NamespaceOwnerHistory';
import { readBillingSettings } from './billing/readBillingSettings';
import { scheduleBilling } from './billing/scheduleBilling';
import { UsageSourceRegistry } from './billing/UsageSourceRegistry';
import { createOpenCostUsageSource } from './billing/sources/opencost';
import { createPrometheusUsageSource } from './billing/sources/prometheus';
import { migrateDatabase } from './database/migrateDatabase';
import { createEnforcement } from './enforcement/createEnforcement';
import { TeamAuthorizer } from './permissions/TeamAuthorizer';
import { createRouter } from './router/createRouter';
import { readSettings } from './settings/readSettings';
import { KubernetesApi } from './kubernetes/KubernetesApi';
import { readKubernetesConfig } from './kubernetes/readKubernetesConfig';
import { TenancyWatchCache } from './kubernetes/TenancyWatchCache';
import { scheduleTenancyReconcile } from './tenancy/scheduleTenancyReconcile';
import { TeamStore } from './tenancy/TeamStore';
import { createTenancy } from './tenancy/Tenancy';
import { TenancyReconciler } from './tenancy/TenancyReconciler';
import { LedgerWriter } from './wallet/LedgerWriter';
import { WalletService } from './wallet/WalletService';
import { WalletStore } from './wallet/WalletStore';
import { AutoRechargeRunner } from './wallet/autoRecharge/AutoRechargeRunner';
import { AutoRechargeStore } from './wallet/autoRecharge/AutoRechargeStore';
import { scheduleAutoRecharge } from './wallet/autoRecharge/scheduleAutoRecharge';

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
    const channelTypes = new ChannelTypeRegistry();
    env.registerExtensionPoint(bisonAlertChannelsExtensionPoint, channelTypes);

    env.registerInit({
      deps: {
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
        notifications: notificationService,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        signals: signalsServiceRef,
      },
      async init(deps) {
        const settings = readSettings(deps.config);
        const knex = await migrateDatabase(deps.database);

        const teams = new TeamStore(knex);
        const walletStore = new WalletStore(knex);
        const ledger = new LedgerWriter();
        const wallets = new WalletService(
          knex,
          walletStore,
          ledger,
          deps.signals,
        );
        const autoRecharge = new AutoRechargeStore(knex);
        await scheduleAutoRecharge({
          scheduler: deps.scheduler,
          config: deps.config,
          runner: new AutoRechargeRunner(
            knex,
            autoRecharge,
            walletStore,
            ledger,
            deps.logger,
            async teamId => {
              const team = await teams.getTeamById(teamId);
              if (team) await wallets.notifyChanged(team);
            },
          ),
        });
        const kubernetes = readKubernetesConfig(deps.config);
        const watchCache = kubernetes
          ? new TenancyWatchCache(kubernetes.kubeConfig, deps.logger)
          : undefined;
        if (watchCache) {
          deps.lifecycle.addStartupHook(() => watchCache.start());
          deps.lifecycle.addShutdownHook(() => watchCache.stop());
        }
        const tenancy = kubernetes
          ? createTenancy(
              new KubernetesApi(kubernetes.kubeConfig),
              teams,
              kubernetes.systemNamespace,
              watchCache,
            )
          : undefined;
        if (tenancy) {
          await scheduleTenancyReconcile({
            scheduler: deps.scheduler,
            config: deps.config,
            reconciler: new TenancyReconciler(teams, tenancy.kube, deps.logger),
          });
        } else {
          deps.logger.info(
            'No Kubernetes cluster configured (bison.kubernetes): teams are ledger-only',
          );
        }
        for (const builtIn of [
          createOpenCostUsageSource(deps.config, { logger: deps.logger }),
          createPrometheusUsageSource(deps.config),
        ]) {
          if (builtIn) usageSources.addUsageSource(builtIn);
        }
        let namespaceOwners: NamespaceOwners = fixedNamespaceOwners();
        if (tenancy) {
          const owners = new CapsuleNamespaceOwners(
            tenancy.kube,
            teams,
            new NamespaceOwnerHistory(knex),
          );
          watchCache?.onNamespaceDeleted(namespace => {
            owners.noteDeleted(namespace).catch(error => {
              deps.logger.warn(
                `Could not note the owner of deleted namespace ${namespace.metadata?.name}: ${error}`,
              );
            });
          });
          namespaceOwners = owners;
        }
        const reports = await createReports({
          knex,
          config: deps.config,
          scheduler: deps.scheduler,
          logger: deps.logger,
        });
        const activity = await createActivity({
          knex,
          config: deps.config,
          scheduler: deps.scheduler,
          logger: deps.logger,
        });
        const enforcement = await createEnforcement({
          activity,
          knex,
          config: deps.config,
          scheduler: deps.scheduler,
          logger: deps.logger,
          minorUnits: settings.currency.minorUnits,
          teams,
          ledger,
          wallets,
          tenancy,
          kubeConfig: kubernetes?.kubeConfig,
        });
        const billing = await createBilling({
          knex,
          config: deps.config,
          settings: readBillingSettings(
            deps.config,
            settings.billingWindowMinutes,
          ),
          sources: usageSources,
          ledger,
          wallets,
          owners: namespaceOwners,
          teams,
          logger: deps.logger,
        });
        await scheduleBilling({
          scheduler: deps.scheduler,
          config: deps.config,
          engine: billing.engine,
          reconciler: billing.reconciler,
        });

        const alerts = await createAlerts({
          knex,
          config: deps.config,
          scheduler: deps.scheduler,
          lifecycle: deps.lifecycle,
          logger: deps.logger,
          auth: deps.auth,
          catalog: deps.catalog,
          notifications: deps.notifications,
          currency: settings.currency,
          channelTypes,
          enforcement,
          wallets,
          billing,
          tenancy,
        });

        const authorizer = new TeamAuthorizer(
          deps.permissions,
          deps.permissionsRegistry,
          teams,
          {
            decisionCacheMillis: settings.permissionDecisionCacheSeconds * 1000,
          },
        );

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            logger: deps.logger,
            permissions: deps.permissions,
            catalog: deps.catalog,
            settings,
            teams,
            authorizer,
            wallets,
            walletStore,
            autoRecharge,
            tenancy,
            billing,
            enforcement: enforcement.service,
            alerts,
            reports,
            activity,
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
