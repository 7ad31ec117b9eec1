import { Content } from '@backstage/core-components';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { bisonApiRef, BisonClient } from './api';
import { BisonIcon } from './components/BisonIcon';
import { isBisonProjectAvailable } from './components/EntityBisonProjectCard/isBisonProjectAvailable';
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

const bisonApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: bisonApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new BisonClient({ discoveryApi, fetchApi }),
    }),
});

const bisonPage = PageBlueprint.make({
  params: {
    path: '/bison',
    routeRef: rootRouteRef,
    title: 'Bison',
    icon: <BisonIcon />,
    // The overview at /bison and the pages below it (teams, statements,
    // node pools, pricing, alerts, reports, activity): see BisonRouter.
    loader: () =>
      import('./components/BisonPage').then(m => (
        <Content>
          <m.BisonRouter />
        </Content>
      )),
  },
});

const groupBisonContent = EntityContentBlueprint.make({
  name: 'group',
  params: {
    path: '/bison',
    title: 'Bison',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/EntityBisonContent').then(m => (
        <m.EntityBisonContent />
      )),
  },
});

const componentProjectCard = EntityCardBlueprint.make({
  name: 'project',
  params: {
    filter: isBisonProjectAvailable,
    loader: () =>
      import('./components/EntityBisonProjectCard').then(m => (
        <m.EntityBisonProjectCard />
      )),
  },
});

/**
 * The Bison plugin for apps on the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'bison',
  title: 'Bison',
  icon: <BisonIcon />,
  info: { packageJson: () => import('../package.json') },
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
  extensions: [bisonApi, bisonPage, groupBisonContent, componentProjectCard],
});
