import { expect, test } from '@playwright/test';
import {
  cents,
  DEMO_USER_HEADER,
  openGroupBisonTab,
  screenshotDir,
  signIn,
} from './helpers';

test('an admin recharges ml-team and sees the new balance and entry', async ({
  page,
}) => {
  await signIn(page);
  await openGroupBisonTab(page, 'ml-team');

  const balance = page.getByTestId('wallet-balance');
  await expect(balance).toHaveText(/\$/);
  const before = cents(await balance.innerText());
  const reason = `e2e top-up ${Date.now()}`;

  await page.getByRole('button', { name: 'Recharge', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Recharge wallet' });
  await dialog.getByLabel('Amount').fill('1.001');
  await expect(dialog.getByText(/more than 2 decimal places/)).toBeVisible();
  await dialog.getByLabel('Amount').fill('250.25');
  await dialog.getByLabel('Reason').fill(reason);
  await dialog.getByRole('button', { name: 'Recharge', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect
    .poll(async () => cents(await balance.innerText()))
    .toBe(before + 25025);
  const transactions = page.getByRole('table').filter({ hasText: reason });
  await expect(transactions.getByText(reason)).toBeVisible();
  await page.screenshot({
    path: `${screenshotDir}/wallet-after-recharge.png`,
    fullPage: true,
  });
});

test.describe('a member of another team', () => {
  test.use({
    extraHTTPHeaders: { [DEMO_USER_HEADER]: 'user:default/dana' },
  });

  test('sees only their own team and cannot recharge or open ml-team', async ({
    page,
  }) => {
    await signIn(page);

    await page.goto('/bison');
    await expect(page.getByRole('link', { name: 'data-team' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'ml-team' })).toHaveCount(0);

    await openGroupBisonTab(page, 'ml-team');
    await expect(
      page.getByText('You do not have access to this team'),
    ).toBeVisible();
    await expect(page.getByTestId('wallet-balance')).toHaveCount(0);
    await expect(
      page.getByRole('button', { name: 'Recharge', exact: true }),
    ).toHaveCount(0);
    await page.screenshot({
      path: `${screenshotDir}/other-team-member.png`,
      fullPage: true,
    });

    // Their own team's wallet is readable, but recharging is not theirs.
    await openGroupBisonTab(page, 'data-team');
    await expect(page.getByTestId('wallet-balance')).toBeVisible();
    await expect(
      page.getByRole('button', { name: 'Recharge', exact: true }),
    ).toHaveCount(0);
  });
});
