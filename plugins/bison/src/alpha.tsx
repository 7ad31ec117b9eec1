import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { bisonApiRef, BisonClient } from './api';
import { BisonIcon } from './components/BisonIcon';
import { rootRouteRef, teamRouteRef } from './routes';

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
    // The overview at /bison and the team pages at /bison/teams/:team.
    loader: () => import('./components/BisonPage').then(m => <m.BisonRouter />),
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
  routes: { root: rootRouteRef, team: teamRouteRef },
  extensions: [bisonApi, bisonPage, groupBisonContent],
});
