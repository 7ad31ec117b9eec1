import { expect, test } from '@playwright/test';
import { createServer, IncomingHttpHeaders } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import {
  adminApi,
  cents,
  DEMO_USER_HEADER,
  openGroupBisonTab,
  screenshotDir,
  signIn,
} from './helpers';

const SIGNING_SECRET = `whsec_${Buffer.from(
  'the e2e receiver key, 32 bytes!!',
).toString('base64')}`;

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on loopback, which bison.alerts.allowedHosts lets Bison reach. */
async function startReceiver() {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', chunk => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/bison-alerts`,
    received,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

const lowBalanceEventsOf = (received: Received[], team: string) =>
  received
    .map(({ headers, body }) => ({
      event: new Webhook(SIGNING_SECRET).verify(body, headers as any) as any,
    }))
    .filter(
      ({ event }) =>
        event.data.rule.id === 'low-balance' && event.data.team?.name === team,
    );

test('an admin routes low-balance alerts to a webhook, data-team runs low, and the alert is delivered once, in the history and in the bell', async ({
  page,
  request,
  browser,
}) => {
  const api = await adminApi(request);
  const receiver = await startReceiver();
  const rulesBefore = (await (await api('GET', '/alerts/rules')).json()).rules;
  let channelId: string | undefined;
  const wallet = await (await api('GET', '/teams/data-team/wallet')).json();
  try {
    // Above the demo's low-balance level (100.00) first, so that going
    // below it is a new crossing.
    const topUp = Math.max(0, 30_000 - cents(wallet.balance));
    if (topUp > 0) {
      await api('POST', '/teams/data-team/wallet/recharges', {
        amount: (topUp / 100).toFixed(2),
        reason: 'e2e: above the low level',
      });
    }
    await expect
      .poll(
        async () =>
          (await (await api('GET', '/teams/data-team/alerts')).json()).firing
            .map((alert: { rule: string }) => alert.rule)
            .includes('low-balance'),
        { timeout: 30_000 },
      )
      .toBe(false);

    await signIn(page);
    await page.goto('/bison/alerts');
    await page.getByRole('button', { name: 'Add channel' }).click();
    const add = page.getByRole('dialog', { name: 'Add an alert channel' });
    await add.getByLabel('Name').fill('E2E receiver');
    await add.getByLabel('URL').fill(receiver.url);
    await add.getByLabel('Signing secret').fill(SIGNING_SECRET);
    await page.screenshot({
      path: `${screenshotDir}/alerts-add-channel.png`,
      fullPage: true,
    });
    await add.getByRole('button', { name: 'Add channel' }).click();
    await expect(add).toBeHidden();
    const channelRow = page.getByRole('row', { name: /E2E receiver/ });
    await expect(channelRow).toBeVisible();
    await channelRow.getByRole('button', { name: 'Send test' }).click();
    await expect(
      page.getByText('Test message delivered to E2E receiver (answer 204).'),
    ).toBeVisible();
    channelId = (
      await (await api('GET', '/alerts/channels')).json()
    ).items.find((c: { name: string }) => c.name === 'E2E receiver').id;

    const ruleRow = page.getByRole('row', {
      name: /^Low balance below \$100\.00/,
    });
    await ruleRow.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: /Edit rule: Low balance/ });
    await edit.getByLabel('Also send to').click();
    await page.getByRole('option', { name: 'E2E receiver' }).click();
    await page.keyboard.press('Escape');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    await expect(ruleRow).toContainText('Notifications, E2E receiver');

    // Down to 40.00: low, not overdue.
    const now = await (await api('GET', '/teams/data-team/wallet')).json();
    const drained = await api('POST', '/teams/data-team/wallet/adjustments', {
      amount: ((4000 - cents(now.balance)) / 100).toFixed(2),
      reason: 'e2e: below the low level',
    });
    expect(drained.status()).toBe(201);

    await expect
      .poll(() => lowBalanceEventsOf(receiver.received, 'data-team').length, {
        timeout: 30_000,
      })
      .toBe(1);
    const [{ event }] = lowBalanceEventsOf(receiver.received, 'data-team');
    expect(event).toMatchObject({
      type: 'alert.firing',
      data: { status: 'firing', title: 'Data: balance below $100.00' },
    });

    const history = page.getByRole('row', {
      name: /Data: balance below \$100\.00.*E2E receiver/,
    });
    await expect(async () => {
      await page.reload();
      await expect(history.first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(history.first()).toContainText('Delivered');
    await page.screenshot({
      path: `${screenshotDir}/alerts-page.png`,
      fullPage: true,
    });

    // A member of data-team gets the notification.
    const member = await browser.newContext({
      extraHTTPHeaders: { [DEMO_USER_HEADER]: 'user:default/dana' },
    });
    const memberPage = await member.newPage();
    await signIn(memberPage);
    await memberPage.goto('/notifications');
    await expect(
      memberPage.getByText('Data: balance below $100.00').first(),
    ).toBeVisible();
    await memberPage.screenshot({
      path: `${screenshotDir}/alerts-notifications.png`,
      fullPage: true,
    });
    await memberPage.goto('/bison/alerts');
    await expect(
      memberPage.getByText(/Your teams' channels are on their team pages/),
    ).toBeVisible();
    await expect(
      memberPage.getByRole('button', { name: 'Add channel' }),
    ).toHaveCount(0);
    await memberPage.screenshot({
      path: `${screenshotDir}/alerts-page-member.png`,
      fullPage: true,
    });
    await member.close();

    await openGroupBisonTab(page, 'data-team');
    await expect(page.getByTestId('firing-low-balance')).toContainText(
      'Low balance',
    );
    await page.screenshot({
      path: `${screenshotDir}/alerts-team-card.png`,
      fullPage: true,
    });

    // Still exactly one request for the alert, however often rules ran.
    expect(lowBalanceEventsOf(receiver.received, 'data-team')).toHaveLength(1);
  } finally {
    // The demo as it was, for the tests after this one.
    const after = await (await api('GET', '/teams/data-team/wallet')).json();
    const back = cents(wallet.balance) - cents(after.balance);
    if (back !== 0) {
      await api('POST', '/teams/data-team/wallet/adjustments', {
        amount: (back / 100).toFixed(2),
        reason: 'e2e: the balance before the alerts test',
      });
    }
    await api('PUT', '/alerts/rules', { rules: rulesBefore });
    if (channelId) await api('DELETE', `/alerts/channels/${channelId}`);
    await receiver.close();
  }
});
