import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import {
  adminApi,
  cents,
  DEMO_USER_HEADER,
  screenshotDir,
  signIn,
} from './helpers';

test.describe('finance', () => {
  test.use({
    extraHTTPHeaders: { [DEMO_USER_HEADER]: 'user:default/frank' },
  });

  // The demo ledger starts when the demo is seeded, so its only statement
  // may be the month in progress; the newest closed month is taken when
  // there is one.
  test("opens ml-team's statement, which closes at the wallet's balance at the month's end, and downloads it as PDF and CSV", async ({
    page,
    request,
  }) => {
    const api = await adminApi(request);
    const listed = await api('GET', '/teams/ml-team/statements');
    expect(listed.status()).toBe(200);
    const months: { month: string; preliminary: boolean }[] = (
      await listed.json()
    ).items;
    expect(months.length).toBeGreaterThan(0);
    const statement =
      months.find(m => !m.preliminary) ??
      months.sort((a, b) => b.month.localeCompare(a.month))[0];

    await signIn(page);
    await page.goto('/bison/teams/ml-team');
    const card = page.getByTestId('statement-months');
    await card
      .getByRole('link', { name: new RegExp(monthName(statement.month)) })
      .click();
    await expect(page).toHaveURL(
      new RegExp(`/bison/teams/ml-team/statements/${statement.month}$`),
    );

    // Billing may post while the page loads; the ledger read after the
    // page must then agree with a fresh load.
    await expect(async () => {
      await page.reload();
      const closing = page.getByTestId('statement-closing-balance');
      await expect(closing).toHaveText(/\$/);
      const shown = cents(await closing.innerText());
      const read = await api(
        'GET',
        `/teams/ml-team/statements/${statement.month}`,
      );
      const { periodEnd } = await read.json();
      const ledger = await api(
        'GET',
        `/teams/ml-team/wallet/transactions?to=${encodeURIComponent(
          periodEnd,
        )}&limit=1`,
      );
      const [last] = (await ledger.json()).items;
      expect(shown).toBe(cents(last.balanceAfter));
    }).toPass({ timeout: 30_000 });
    await page.screenshot({
      path: `${screenshotDir}/statement-finance.png`,
      fullPage: true,
    });

    const pdf = await download(page, 'Download PDF');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const csv = (await download(page, 'Download CSV')).toString('utf8');
    expect(csv.split('\n')[0]).toBe(
      'section,date,description,project,resource,quantity,amount,balance',
    );
    expect(csv).toMatch(/^closing,/m);
    expect(csv).toMatch(/^sha256,,[0-9a-f]{64},/m);
  });
});

async function download(
  page: import('@playwright/test').Page,
  button: string,
): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const filePath = await file.path();
  return readFile(filePath);
}

function monthName(month: string): string {
  return new Date(`${month}-01T00:00:00Z`).toLocaleString('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
