import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { bisonApiRef, BisonClient } from './api';
import {
  activityRouteRef,
  alertsRouteRef,
  nodesRouteRef,
  pricingRouteRef,
  reportsRouteRef,
  rootRouteRef,
  statementRouteRef,
  teamRouteRef,
} from './routes';

/**
 * The Bison frontend plugin for apps on the legacy frontend system.
 * Apps on the new frontend system use the default export of `/alpha`.
 *
 * @public
 */
export const bisonPlugin = createPlugin({
  id: 'bison',
  apis: [
    createApiFactory({
      api: bisonApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new BisonClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    team: teamRouteRef,
    nodes: nodesRouteRef,
    pricing: pricingRouteRef,
    alerts: alertsRouteRef,
    reports: reportsRouteRef,
    activity: activityRouteRef,
    statement: statementRouteRef,
  },
});

/**
 * The Bison page: teams, wallets, costs and administration. Renders the
 * overview at its mount path and a team's page at `teams/:team` below it.
 *
 * @public
 */
export const BisonPage = bisonPlugin.provide(
  createRoutableExtension({
    name: 'BisonPage',
    component: () => import('./components/BisonPage').then(m => m.BisonPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The Bison tab of a Group entity page.
 *
 * @public
 */
export const EntityBisonContent = bisonPlugin.provide(
  createRoutableExtension({
    name: 'EntityBisonContent',
    component: () =>
      import('./components/EntityBisonContent').then(m => m.EntityBisonContent),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The Bison project card of a Component annotated `bison.io/project`: the
 * project's team, display name, quota use and cost over the last 30 days.
 * Show it where {@link isBisonProjectAvailable} holds.
 *
 * @public
 */
export const EntityBisonProjectCard = bisonPlugin.provide(
  createComponentExtension({
    name: 'EntityBisonProjectCard',
    component: {
      lazy: () =>
        import('./components/EntityBisonProjectCard').then(
          m => m.EntityBisonProjectCard,
        ),
    },
  }),
);
