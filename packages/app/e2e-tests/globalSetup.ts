import { request } from '@playwright/test';
import { backstageToken } from './helpers';

/** Creates the demo teams as the default (admin) demo user. */
export default async function globalSetup() {
  const baseURL = process.env.BISON_E2E_URL ?? 'http://localhost:7007';
  const context = await request.newContext({ baseURL });
  const token = await backstageToken(context);
  for (const name of ['ml-team', 'data-team']) {
    const res = await context.post('/api/bison/teams', {
      headers: { Authorization: `Bearer ${token}` },
      data: { name, groupRef: `group:default/${name}` },
    });
    if (res.status() !== 201 && res.status() !== 409) {
      throw new Error(`creating ${name} failed: ${await res.text()}`);
    }
  }
  await context.dispose();
}
