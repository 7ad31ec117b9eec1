import { expect, test } from '@playwright/test';
import { openGroupBisonTab, screenshotDir, signIn } from './helpers';

test('the sidebar opens the Bison page with the teams', async ({ page }) => {
  await signIn(page);

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Bison', exact: true }).click();

  await expect(page).toHaveURL(/\/bison$/);
  await expect(page.getByText('Installation')).toBeVisible();
  await expect(page.getByText('USD ($)')).toBeVisible();
  await expect(page.getByText('60 minutes')).toBeVisible();
  // The spend card and the teams at risk link teams too: look in the teams
  // table, the one with a Group column.
  const teams = page.getByRole('table').filter({
    has: page.getByRole('columnheader', { name: 'Group' }),
  });
  await expect(teams.getByRole('link', { name: 'ml-team' })).toBeVisible();
  await expect(teams.getByRole('link', { name: 'data-team' })).toBeVisible();
  await page.screenshot({
    path: `${screenshotDir}/bison-page.png`,
    fullPage: true,
  });
});

test("a Group page has a Bison tab showing the group's team", async ({
  page,
}) => {
  await signIn(page);
  await openGroupBisonTab(page, 'ml-team');

  await expect(page.getByText('Bison team')).toBeVisible();
  await expect(page.getByText('group:default/ml-team').first()).toBeVisible();
  await expect(page.getByTestId('wallet-balance')).toBeVisible();
  await page.screenshot({
    path: `${screenshotDir}/group-bison-tab.png`,
    fullPage: true,
  });
});

test('a Group without a team says so', async ({ page }) => {
  await signIn(page);
  await openGroupBisonTab(page, 'dev-team');
  await expect(page.getByText('No Bison team for this group')).toBeVisible();
});
