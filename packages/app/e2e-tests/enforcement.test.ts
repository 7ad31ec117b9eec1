import { expect, test } from '@playwright/test';
import {
  adminApi,
  cents,
  openGroupBisonTab,
  screenshotDir,
  signIn,
} from './helpers';

test('an admin drains data-team, sees it suspended with its workloads stopped, recharges and sees it resumed', async ({
  page,
  request,
}) => {
  const api = await adminApi(request);
  const wallet = await (await api('GET', '/teams/data-team/wallet')).json();
  // An adjustment that leaves the wallet ten dollars below zero.
  const drain = -(cents(wallet.balance) + 1000);
  const adjusted = await api('POST', '/teams/data-team/wallet/adjustments', {
    amount: (drain / 100).toFixed(2),
    reason: 'e2e: drain the wallet',
  });
  expect(adjusted.status()).toBe(201);

  await signIn(page);
  await openGroupBisonTab(page, 'data-team');
  const state = page.getByTestId('wallet-state');
  await expect(state).toHaveAttribute('data-state', 'overdue');
  await expect(
    page.getByText(/Suspended in .* unless recharged/),
  ).toBeVisible();
  await page.screenshot({
    path: `${screenshotDir}/data-team-overdue.png`,
    fullPage: true,
  });

  // A grace period of none: the team is suspended at once.
  await page.getByRole('button', { name: 'Edit settings' }).click();
  const dialog = page.getByRole('dialog', {
    name: 'Enforcement settings of data-team',
  });
  await dialog.getByLabel('Use the default grace period').uncheck();
  await dialog.getByLabel('Grace period (hours)').fill('0');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await expect(state).toHaveAttribute('data-state', 'suspended');
  await expect(
    page.getByText(/Deployments? scaled to 0/).first(),
  ).toBeVisible();
  const actions = page.getByRole('table', { name: 'Suspension actions' });
  for (const workload of ['sync-service', 'warehouse-cache', 'hourly-ingest']) {
    await expect(actions.getByText(workload)).toBeVisible();
  }
  await page.screenshot({
    path: `${screenshotDir}/data-team-suspended.png`,
    fullPage: true,
  });

  // A recharge back above zero lifts the suspension and restores everything.
  await page.getByRole('button', { name: 'Recharge', exact: true }).click();
  const recharge = page.getByRole('dialog', { name: 'Recharge wallet' });
  await recharge.getByLabel('Amount').fill('500.00');
  await recharge.getByLabel('Reason').fill('e2e: back in business');
  await recharge.getByRole('button', { name: 'Recharge', exact: true }).click();
  await expect(recharge).toBeHidden();
  await expect(state).toHaveAttribute('data-state', 'active');
  await expect(page.getByText('Resumed', { exact: true })).toBeVisible();
  await expect(actions.getByText('Undone').first()).toBeVisible();
  await page.screenshot({
    path: `${screenshotDir}/data-team-resumed.png`,
    fullPage: true,
  });

  // The demo's defaults again.
  expect((await api('PUT', '/teams/data-team/enforcement', {})).status()).toBe(
    200,
  );
});
