import { parse } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Server } from 'node:http';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  bisonApi,
  startPluginBackend,
} from '../__testUtils__/startPluginBackend';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const thisMonth = () => new Date().toISOString().slice(0, 7);

describe.each(databases.eachSupportedId())('statement routes on %p', id => {
  let server: Server;
  const api = () => bisonApi(server);

  beforeAll(async () => {
    const knex = await databases.init(id);
    server = await startPluginBackend(knex, { groups: ['ml-team'] });
    let key = 0;
    for (const [amount, reason] of [
      ['250.00', 'Budget for November'],
      ['0.50', '=HYPERLINK("https://evil.example","click")'],
    ]) {
      const res = await api()
        .post('/teams/ml-team/wallet/recharges')
        .set('Idempotency-Key', `statement-${++key}`)
        .send({ amount, reason });
      if (res.status !== 201) {
        throw new Error(`setup failed: ${JSON.stringify(res.body)}`);
      }
    }
  });

  it('lists the months from the first entry, the current one preliminary', async () => {
    const res = await api().get('/teams/ml-team/statements');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      timeZone: 'UTC',
      items: [{ month: thisMonth(), preliminary: true }],
    });
  });

  it("gives the month's statement, reconciled to the wallet", async () => {
    const res = await api().get(`/teams/ml-team/statements/${thisMonth()}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      team: 'ml-team',
      groupRef: 'group:default/ml-team',
      currency: { code: 'USD' },
      month: thisMonth(),
      preliminary: true,
      openingBalance: '0.00',
      closingBalance: '250.50',
      totals: { recharge: '250.50', usage: '0.00' },
      ledger: { count: 2, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(res.body.recharges.map((r: { amount: string }) => r.amount)).toEqual(
      ['250.00', '0.50'],
    );
    const wallet = await api().get('/teams/ml-team/wallet');
    expect(res.body.closingBalance).toBe(wallet.body.balance);
  });

  it('exports the statement as spreadsheet-safe CSV with its hash', async () => {
    const json = await api().get(`/teams/ml-team/statements/${thisMonth()}`);
    const res = await api().get(
      `/teams/ml-team/statements/${thisMonth()}?format=csv`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows: Record<string, string>[] = parse(res.text, { columns: true });
    expect(rows.map(r => r.section)).toEqual([
      'opening',
      'recharge',
      'recharge',
      'closing',
      'sha256',
    ]);
    expect(rows[2].description).toBe(
      `'=HYPERLINK("https://evil.example","click")`,
    );
    expect(rows[3]).toMatchObject({
      description: 'Closing balance (preliminary)',
      balance: '250.50',
    });
    expect(rows[4].description).toBe(json.body.ledger.sha256);
  });

  it('prints the statement as a PDF holding the same totals', async () => {
    const json = (await api().get(`/teams/ml-team/statements/${thisMonth()}`))
      .body;
    const res = await api()
      .get(`/teams/ml-team/statements/${thisMonth()}?format=pdf`)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(
      mkdtempSync(path.join(os.tmpdir(), 'pdf-')),
      's.pdf',
    );
    writeFileSync(file, res.body);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], {
      encoding: 'utf8',
    });
    expect(text).toContain('Statement of account');
    expect(text).toContain('Preliminary');
    expect(text).toContain('ml-team (display) (ml-team)');
    expect(text).toContain('group:default/ml-team');
    expect(text).toContain(`${thisMonth()} (UTC)`);
    expect(text).toMatch(/Opening balance\s+0\.00/);
    expect(text).toMatch(
      new RegExp(`Recharges\\s+${json.totals.recharge.replace('.', '\\.')}`),
    );
    expect(text).toMatch(
      new RegExp(
        `Closing balance\\s+${json.closingBalance.replace('.', '\\.')}`,
      ),
    );
    expect(text).toContain(json.ledger.sha256);
  });

  it('refuses bad and future months with a 400 naming the month', async () => {
    for (const month of ['2026-13', '2026-00', '1969-12', '2999-01']) {
      const res = await api().get(`/teams/ml-team/statements/${month}`);
      expect({ month, status: res.status }).toEqual({ month, status: 400 });
      expect(res.body.error.message).toContain("'month'");
    }
    const malformed = await api().get('/teams/ml-team/statements/november');
    expect(malformed.status).toBe(400);
    expect((await api().get('/teams/nope/statements')).status).toBe(404);
  });
});
