import { expect, test } from '@playwright/test';
import { openGroupBisonTab, screenshotDir, signIn } from './helpers';

/**
 * An admin turns the catalog Group dev-team into a Bison team with a quota,
 * gives it a project, and finds both on the Group's tab, in the catalog
 * graph and on the component that runs in the project.
 */
test('an admin creates a team from a Group, with a quota and a project', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  await page.goto('/bison');

  await page.getByRole('button', { name: 'Create team' }).click();
  const wizard = page.getByRole('dialog', { name: 'Create team' });
  await wizard.getByLabel('Group').selectOption('group:default/dev-team');
  await expect(wizard.getByLabel(/^Name/)).toHaveValue('dev-team');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByLabel('memory', { exact: true }).fill('64');
  await wizard.getByLabel('memory unit', { exact: true }).selectOption('Gi');
  await wizard.getByLabel('nvidia.com/gpu', { exact: true }).fill('4');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page).toHaveURL(/\/bison\/teams\/dev-team$/);

  const teamQuota = page.getByTestId('team-quota');
  await expect(teamQuota).toContainText('64 GiB');
  await expect(teamQuota).toContainText('4');

  await page.getByRole('button', { name: 'Create project' }).click();
  const create = page.getByRole('dialog', { name: 'Create project' });
  await create.getByLabel(/^Name/).fill('dev-web');
  await create.getByLabel('Display name', { exact: true }).fill('Storefront');
  await create.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(create).toBeHidden();
  await expect(page.getByTestId('project-dev-web')).toContainText('Storefront');

  // The Group's Bison tab shows the same team.
  await openGroupBisonTab(page, 'dev-team');
  await expect(page.getByTestId('team-quota')).toContainText('64 GiB');
  await expect(page.getByTestId('project-dev-web')).toBeVisible();
  await page.screenshot({
    path: `${screenshotDir}/tenancy-group-tab.png`,
    fullPage: true,
  });

  // The catalog publishes the tenant and its namespace within seconds.
  await expect(async () => {
    await page.goto('/catalog/default/group/dev-team');
    const graph = page
      .locator('svg')
      .filter({ hasText: 'dev-web' })
      .filter({ hasText: '(tenant)' })
      .last();
    await expect(graph).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await page.screenshot({
    path: `${screenshotDir}/tenancy-catalog-graph.png`,
    fullPage: true,
  });

  // The component annotated with the namespace shows its project.
  await page.goto('/catalog/default/component/storefront');
  await expect(page.getByText('Storefront').first()).toBeVisible();
  await expect(
    page.getByRole('link', { name: /dev-team|Dev/ }).first(),
  ).toBeVisible();
});
