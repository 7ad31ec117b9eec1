import { Server } from 'node:http';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  bisonApi,
  startPluginBackend,
} from '../__testUtils__/startPluginBackend';

jest.setTimeout(120_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'team and wallet routes on %p',
  id => {
    let server: Server;

    beforeAll(async () => {
      const knex = await databases.init(id);
      server = await startPluginBackend(knex, {
        groups: ['ml-team', 'data-team'],
        teams: ['ml-team'],
      });
    });

    const api = () => bisonApi(server);

    const recharge = (key: string, body: object) =>
      api()
        .post('/teams/ml-team/wallet/recharges')
        .set('Idempotency-Key', key)
        .send(body);

    async function transactionCount() {
      const res = await api().get(
        '/teams/ml-team/wallet/transactions?format=csv',
      );
      return res.text.trim().split('\n').length - 1;
    }

    describe('POST /teams', () => {
      it('creates a team from a catalog Group with its display name', async () => {
        const res = await api()
          .post('/teams')
          .send({ name: 'data-team', groupRef: 'data-team' });
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({
          name: 'data-team',
          groupRef: 'group:default/data-team',
          displayName: 'data-team (display)',
          createdBy: 'user:default/alice',
        });
        const wallet = await api().get('/teams/data-team/wallet');
        expect(wallet.body).toMatchObject({ balance: '0.00', state: 'active' });
      });

      it.each([
        [
          { name: 'ML_Team', groupRef: 'group:default/ml-team' },
          "'name' must consist of lowercase",
        ],
        [
          { name: 'kube-system', groupRef: 'group:default/ml-team' },
          "'name' 'kube-system' is reserved",
        ],
        [
          { name: '   ', groupRef: 'group:default/ml-team' },
          "'name' is required",
        ],
        [
          { name: 'x', groupRef: 'group:default/nobody' },
          "'groupRef' names no Group",
        ],
        [
          { name: 'x', groupRef: 'user:default/alice' },
          "'groupRef' must refer to a Group",
        ],
        [{ name: 'x', groupRef: 'group:' }, "'groupRef' is not an entity ref"],
        [{ name: 'x' }, 'groupRef'],
        [
          { name: 'x', groupRef: 'group:default/ml-team', extra: 1 },
          "unknown field 'extra'",
        ],
      ])('rejects %j', async (body, message) => {
        const res = await api().post('/teams').send(body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(message);
      });

      it('refuses a second live team with the same name', async () => {
        const res = await api()
          .post('/teams')
          .send({ name: 'ml-team', groupRef: 'group:default/ml-team' });
        expect(res.status).toBe(409);
      });

      it('answers 404 for unknown teams', async () => {
        expect((await api().get('/teams/nope')).status).toBe(404);
        expect((await api().get('/teams/nope/wallet')).status).toBe(404);
        expect(
          (
            await recharge('k-unknown', { amount: '1.00' }).then(() =>
              api()
                .post('/teams/nope/wallet/recharges')
                .set('Idempotency-Key', 'k')
                .send({ amount: '1.00' }),
            )
          ).status,
        ).toBe(404);
      });
    });

    describe('bad input changes nothing', () => {
      it.each([
        [{ amount: '0' }, "'amount' must be greater than zero"],
        [{ amount: '-5.00' }, "'amount' must not be negative"],
        [{ amount: '1.001' }, "'amount' has more than 2 decimal places"],
        [{ amount: '1e3' }, "'amount' must not use exponent notation"],
        [{ amount: 'NaN' }, "'amount'"],
        [{ amount: '10000000000000' }, "'amount' exceeds the maximum"],
        [{ amount: 12.5 }, 'amount'],
        [{}, 'amount'],
      ])('recharge %j → 400', async (body, message) => {
        const before = await transactionCount();
        const res = await recharge(`bad-${JSON.stringify(body)}`, body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(message);
        expect(await transactionCount()).toBe(before);
      });

      it('requires an Idempotency-Key on recharges', async () => {
        const res = await api()
          .post('/teams/ml-team/wallet/recharges')
          .send({ amount: '1.00' });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(/idempotency-key/i);
      });

      it.each([
        [{ amount: '5.00' }, 'reason'],
        [{ amount: '5.00', reason: '  ' }, "'reason' is required"],
        [{ amount: '0.00', reason: 'x' }, "'amount' must not be zero"],
        [{ amount: '--1', reason: 'x' }, "'amount'"],
      ])('adjustment %j → 400', async (body, message) => {
        const before = await transactionCount();
        const res = await api()
          .post('/teams/ml-team/wallet/adjustments')
          .send(body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(message);
        expect(await transactionCount()).toBe(before);
      });

      it.each([
        ['cursor=abc', 'cursor is malformed'],
        ['from=yesterday', "'from'"],
        [`to=${encodeURIComponent('2026-02-30T00:00:00Z')}`, "'to'"],
        [
          `from=${encodeURIComponent(
            '2026-02-01T00:00:00Z',
          )}&to=${encodeURIComponent('2026-01-01T00:00:00Z')}`,
          "'from' must be before 'to'",
        ],
        ['limit=0', 'limit'],
        ['limit=201', 'limit'],
        ['kind=bonus', 'kind'],
        ['format=xml', 'format'],
      ])('transactions?%s → 400', async (query, message) => {
        const res = await api().get(
          `/teams/ml-team/wallet/transactions?${query}`,
        );
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(message);
      });
    });

    describe('recharges', () => {
      it('adds the amount, records the actor and returns the wallet', async () => {
        const before = await api().get('/teams/ml-team/wallet');
        const res = await recharge('first', {
          amount: '100.50',
          reason: 'Q1 budget',
        });
        expect(res.status).toBe(201);
        expect(res.body.transaction).toMatchObject({
          kind: 'recharge',
          amount: '100.50',
          actor: 'user:default/alice',
          reason: 'Q1 budget',
        });
        const expected = (
          BigInt(before.body.balance.replace('.', '')) + 10050n
        ).toString();
        expect(res.body.wallet.balance.replace('.', '')).toBe(expected);
        expect(res.body.wallet.lastRecharge.amount).toBe('100.50');
      });

      it('replays a retried request and rejects a reused key with another body', async () => {
        const first = await recharge('retry-key', {
          amount: '7.00',
          reason: 'r',
        });
        const count = await transactionCount();
        const second = await recharge('retry-key', {
          amount: '7.00',
          reason: 'r',
        });
        expect(second.status).toBe(201);
        expect(second.headers['idempotent-replayed']).toBe('true');
        expect(second.body.transaction).toEqual(first.body.transaction);
        expect(await transactionCount()).toBe(count);

        const conflict = await recharge('retry-key', {
          amount: '8.00',
          reason: 'r',
        });
        expect(conflict.status).toBe(409);
        expect(await transactionCount()).toBe(count);
      });

      it('applies 200 concurrent recharges exactly', async () => {
        const before = await api().get('/teams/ml-team/wallet');
        const amounts = Array.from(
          { length: 200 },
          (_, i) => BigInt(i + 1) * 101n,
        );
        const results = await Promise.all(
          amounts.map((cents, i) =>
            recharge(`concurrent-${i}`, {
              amount: `${cents / 100n}.${(cents % 100n)
                .toString()
                .padStart(2, '0')}`,
            }),
          ),
        );
        expect(results.map(r => r.status)).toEqual(amounts.map(() => 201));
        const after = await api().get('/teams/ml-team/wallet');
        const cents = (text: string) => BigInt(text.replace('.', ''));
        expect(cents(after.body.balance) - cents(before.body.balance)).toBe(
          amounts.reduce((a, b) => a + b, 0n),
        );
      });
    });

    describe('transactions', () => {
      it('filters by kind and time range', async () => {
        const since = new Date().toISOString();
        await recharge('filtered', { amount: '2.00' });
        await api()
          .post('/teams/ml-team/wallet/adjustments')
          .send({ amount: '-0.50', reason: 'correction' });
        const res = await api().get(
          `/teams/ml-team/wallet/transactions?from=${encodeURIComponent(
            since,
          )}&kind=adjustment`,
        );
        expect(res.status).toBe(200);
        expect(res.body.items).toHaveLength(1);
        expect(res.body.items[0]).toMatchObject({
          kind: 'adjustment',
          amount: '-0.50',
        });
      });

      it('pages newest first with an opaque cursor', async () => {
        const seen: string[] = [];
        const times: number[] = [];
        let cursor: string | undefined;
        do {
          const res = await api().get(
            `/teams/ml-team/wallet/transactions?limit=7${
              cursor ? `&cursor=${cursor}` : ''
            }`,
          );
          expect(res.status).toBe(200);
          for (const t of res.body.items as Array<{
            id: string;
            createdAt: string;
          }>) {
            seen.push(t.id);
            times.push(Date.parse(t.createdAt));
          }
          cursor = res.body.nextCursor;
        } while (cursor);
        expect(times).toEqual([...times].sort((a, b) => b - a));
        expect(new Set(seen).size).toBe(seen.length);
        const csv = await api().get(
          '/teams/ml-team/wallet/transactions?format=csv',
        );
        expect(seen.length).toBe(csv.text.trim().split('\n').length - 1);
      });

      it('streams CSV with formulas neutralised', async () => {
        await recharge('csv', { amount: '1.25', reason: '=HYPERLINK("x")' });
        const res = await api().get(
          '/teams/ml-team/wallet/transactions?format=csv&kind=recharge',
        );
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toContain('text/csv');
        expect(res.headers['content-disposition']).toContain(
          'ml-team-transactions.csv',
        );
        const lines = res.text.trim().split('\n');
        expect(lines[0]).toBe(
          'id,createdAt,kind,amount,balanceAfter,actor,reason,windowStart,windowEnd',
        );
        expect(lines[1]).toContain(`1.25`);
        expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
        expect(lines.slice(1).every(l => l.includes(',recharge,'))).toBe(true);
      });
    });
  },
);
