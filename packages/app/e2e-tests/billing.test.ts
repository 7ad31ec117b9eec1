import { expect, test } from '@playwright/test';
import { cents, openGroupBisonTab, screenshotDir, signIn } from './helpers';

/**
 * The demo's usage (a day of example data in the local Prometheus) is billed
 * when the demo starts: ml-team has non-zero costs, its wallet paid them,
 * and the overview shows where billing stands.
 */
test('ml-team shows the costs billed from the demo usage', async ({ page }) => {
  await signIn(page);
  await openGroupBisonTab(page, 'ml-team');

  const total = page.getByTestId('cost-total');
  await expect(total).toHaveText(/\$/);
  expect(cents(await total.innerText())).toBeGreaterThan(0);
  await expect(page.getByTestId('cost-chart')).toBeVisible();
  await page.getByRole('button', { name: 'By project' }).click();
  await expect(
    page.getByRole('table', { name: 'Cost per project' }),
  ).toContainText('ml-training');
  await page.screenshot({
    path: `${screenshotDir}/billing-team-cost.png`,
    fullPage: true,
  });

  await page.goto('/bison');
  await expect(page.getByTestId('billing-watermark')).not.toHaveText('');
  expect(
    cents(await page.getByTestId('spend-24h').innerText()),
  ).toBeGreaterThan(0);
  await expect(page.getByTestId('top-teams')).toContainText('ml-team');
  // The demo's add-ons run in kube-system, which belongs to no team.
  await expect(page.getByTestId('unallocated-namespaces')).toContainText(
    'kube-system',
  );
  await page.screenshot({
    path: `${screenshotDir}/billing-overview.png`,
    fullPage: true,
  });

  await page.getByRole('link', { name: 'Pricing' }).click();
  await expect(
    page.getByRole('table', { name: 'Current prices' }),
  ).toContainText('nvidia.com/gpu');
});
