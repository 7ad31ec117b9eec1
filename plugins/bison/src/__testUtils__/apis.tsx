import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { AlertApi, alertApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { SignalApi, signalApiRef } from '@backstage/plugin-signals-react';
import { act } from '@testing-library/react';
import { ReactElement } from 'react';
import { BisonApi, bisonApiRef } from '../api';
import { rootRouteRef } from '../routes';

type PermissionOptions = NonNullable<Parameters<typeof mockApis.permission>[0]>;

export const ALLOW = AuthorizeResult.ALLOW;
export const DENY = AuthorizeResult.DENY;

/** A signal API whose messages the test publishes. */
export function mockSignalApi() {
  const listeners = new Map<string, Set<(message: any) => void>>();
  const api: SignalApi = {
    subscribe(channel, onMessage) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(onMessage);
      return { unsubscribe: () => set.delete(onMessage) };
    },
  };
  return {
    api,
    publish(channel: string, message: object) {
      act(() => listeners.get(channel)?.forEach(listener => listener(message)));
    },
  };
}

/** An alert API whose posts the test reads from `post`. */
export function mockAlertApi(): jest.Mocked<AlertApi> {
  return {
    post: jest.fn(),
    alert$: jest.fn(() => ({
      subscribe: () => ({ unsubscribe: () => {}, closed: false }),
    })),
  } as unknown as jest.Mocked<AlertApi>;
}

/**
 * Renders in a legacy test app with the Bison API, a permission API that
 * allows or denies everything (or decides per request) and optionally a
 * signal, catalog and alert API; the Bison page is mounted at /bison.
 */
export function renderWithApis(
  element: ReactElement,
  options: {
    bison: Partial<BisonApi>;
    authorize?: PermissionOptions['authorize'];
    signals?: SignalApi;
    catalog?: Partial<typeof catalogApiRef.T>;
    alert?: AlertApi;
    routeEntries?: string[];
  },
) {
  const apis: [any, any][] = [
    [bisonApiRef, options.bison],
    [
      permissionApiRef,
      mockApis.permission({ authorize: options.authorize ?? ALLOW }),
    ],
  ];
  if (options.signals) apis.push([signalApiRef, options.signals]);
  if (options.catalog) apis.push([catalogApiRef, options.catalog]);
  if (options.alert) apis.push([alertApiRef, options.alert]);
  return renderInTestApp(
    <TestApiProvider apis={apis as any}>{element}</TestApiProvider>,
    {
      mountedRoutes: { '/bison': rootRouteRef },
      routeEntries: options.routeEntries,
    },
  );
}
