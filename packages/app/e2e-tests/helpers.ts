import { APIRequestContext, expect, Page } from '@playwright/test';
import path from 'node:path';

export const screenshotDir = path.resolve(
  __dirname,
  '../../../e2e-output/screenshots',
);

/** Header the demo sign-in reads to sign in as another example user. */
export const DEMO_USER_HEADER = 'x-bison-demo-user';

export async function signIn(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

export async function openGroupBisonTab(page: Page, group: string) {
  await page.goto(`/catalog/default/group/${group}`);
  await page
    .getByRole('main')
    .getByRole('link', { name: 'Bison', exact: true })
    .click();
  await expect(page).toHaveURL(
    new RegExp(`/catalog/default/group/${group}/bison$`),
  );
}

/** Parses a displayed amount such as "$1,250.50" into cents. */
export function cents(text: string): number {
  const match = /(-?)\$?([0-9,]+)\.([0-9]{2})/.exec(text);
  if (!match) throw new Error(`not an amount: ${text}`);
  const value = Number(match[2].replace(/,/g, '')) * 100 + Number(match[3]);
  return match[1] ? -value : value;
}

/** The Bison API as the demo's admin (the guest user). */
export async function adminApi(request: APIRequestContext) {
  const refresh = await request.get('/api/auth/guest/refresh?env=development');
  const { token } = (await refresh.json()).backstageIdentity;
  return (method: string, apiPath: string, data?: object) =>
    request.fetch(`/api/bison${apiPath}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        'Idempotency-Key': `e2e-${Date.now()}-${Math.random()}`,
      },
      data,
    });
}
