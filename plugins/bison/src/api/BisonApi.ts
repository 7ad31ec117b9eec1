import { createApiRef } from '@backstage/core-plugin-api';

/** @public */
export interface BisonSettings {
  currency: { code: string; symbol: string; minorUnits: number };
  billingWindowMinutes: number;
}

/**
 * Client of the Bison backend (`/api/bison`). The frontend talks only to this
 * API, never to Kubernetes, OpenCost or Prometheus directly.
 *
 * @public
 */
export interface BisonApi {
  getSettings(): Promise<BisonSettings>;
}

/** @public */
export const bisonApiRef = createApiRef<BisonApi>({ id: 'plugin.bison.api' });
