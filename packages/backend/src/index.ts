/*
 * The demo and e2e backend: a standard Backstage backend with the Bison
 * plugins installed.
 */
import { createBackend } from '@backstage/backend-defaults';
import { demoSignInModule } from './demoSignIn/module';
import { bisonExamplePolicyModule } from './permissionPolicy/module';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
// Guest sign-in for local use only; see auth.providers.guest in app-config.yaml.
backend.add(demoSignInModule);

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Bison teams (Capsule tenants) and their namespaces as Resource entities.
backend.add(import('@bison/plugin-catalog-backend-module-bison'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(bisonExamplePolicyModule);

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@bison/plugin-bison-backend'));

backend.start();
