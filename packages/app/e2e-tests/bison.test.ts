import { expect, Page, test } from '@playwright/test';
import path from 'node:path';

const screenshotDir = path.resolve(
  __dirname,
  '../../../e2e-output/screenshots',
);

async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

test('the sidebar opens the Bison page', async ({ page }) => {
  await signInAsGuest(page);

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Bison', exact: true }).click();

  await expect(page).toHaveURL(/\/bison$/);
  await expect(page.getByText('Installation')).toBeVisible();
  await expect(page.getByText('USD ($)')).toBeVisible();
  await expect(page.getByText('60 minutes')).toBeVisible();
  await page.screenshot({
    path: `${screenshotDir}/bison-page.png`,
    fullPage: true,
  });
});

test("a Group page has a Bison tab showing the group's tenant", async ({
  page,
}) => {
  await signInAsGuest(page);

  await page.goto('/catalog/default/group/ml-team');
  await page
    .getByRole('main')
    .getByRole('link', { name: 'Bison', exact: true })
    .click();

  await expect(page).toHaveURL(/\/catalog\/default\/group\/ml-team\/bison$/);
  await expect(page.getByText('Bison team')).toBeVisible();
  await expect(page.getByText('group:default/ml-team')).toBeVisible();
  await expect(page.getByText('ml-team', { exact: true })).toBeVisible();
  await page.screenshot({
    path: `${screenshotDir}/group-bison-tab.png`,
    fullPage: true,
  });
});
