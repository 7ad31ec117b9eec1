import { createBackendModule } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';

/** Header that picks which example user the demo sign-in signs in as. */
export const DEMO_USER_HEADER = 'x-bison-demo-user';

const demoAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async () => ({ profile: {} }),
  initialize({ config }) {
    return {
      defaultUser: config.getString('userEntityRef'),
      demoUsers: config.getOptionalStringArray('demoUsers') ?? [],
    };
  },
  async authenticate({ req }, { defaultUser, demoUsers }) {
    if (process.env.NODE_ENV !== 'development') {
      throw new NotAllowedError(
        'The demo sign-in is only available in development',
      );
    }
    const requested = req.header(DEMO_USER_HEADER);
    if (requested && !demoUsers.includes(requested)) {
      throw new NotAllowedError(`'${requested}' is not a demo user`);
    }
    return { result: { userEntityRef: requested || defaultUser } };
  },
});

/**
 * Guest sign-in for the demo and the end-to-end tests (development only):
 * signs in as `auth.providers.guest.userEntityRef`, or as one of
 * `auth.providers.guest.demoUsers` named by the `x-bison-demo-user` header,
 * so that tests can act as an admin, a finance user or a team member.
 */
export const demoSignInModule = createBackendModule({
  pluginId: 'auth',
  moduleId: 'bison-demo-sign-in',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'guest',
          factory: createProxyAuthProviderFactory({
            authenticator: demoAuthenticator,
            signInResolver: async ({ result }, ctx) =>
              ctx.signInWithCatalogUser({ entityRef: result.userEntityRef }),
          }),
        });
      },
    });
  },
});
