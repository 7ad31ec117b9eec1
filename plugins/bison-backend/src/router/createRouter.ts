import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import { createOpenApiRouter } from '../schema/openapi';
import { BisonSettings } from '../settings/readSettings';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  settings: BisonSettings;
}

/**
 * The plugin's HTTP API. Every route is declared in `src/schema/openapi.yaml`;
 * requests and responses that do not match it are rejected by the validator.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, settings } = options;
  const router = await createOpenApiRouter();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/settings', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(settings);
  });

  return router;
}
