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
import { rootRouteRef } from './routes';

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
    loader: () =>
      import('./components/BisonOverview').then(m => <m.BisonOverview />),
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
  routes: { root: rootRouteRef },
  extensions: [bisonApi, bisonPage, groupBisonContent],
});
