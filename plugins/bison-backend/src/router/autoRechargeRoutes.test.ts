import { Server } from 'node:http';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  bisonApi,
  startPluginBackend,
} from '../__testUtils__/startPluginBackend';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const DISABLED = {
  enabled: false,
  scheduled: null,
  threshold: null,
  monthlyCap: null,
};

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe.each(databases.eachSupportedId())('auto-recharge routes on %p', id => {
  let server: Server;

  beforeAll(async () => {
    const knex = await databases.init(id);
    server = await startPluginBackend(knex, {
      groups: ['ml-team', 'data-team', 'ops-team'],
    });
  });

  const api = () => bisonApi(server);

  const path = (team: string) => `/teams/${team}/wallet/auto-recharge`;
  const getPolicy = (team: string) => api().get(path(team));
  const putPolicy = (team: string, body: object) =>
    api().put(path(team)).send(body);

  it('returns the disabled default for a team without a policy', async () => {
    const res = await getPolicy('ops-team');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(DISABLED);
  });

  it('stores a policy and returns it with formatted amounts', async () => {
    const before = Date.now();
    const body = {
      enabled: true,
      scheduled: { every: 'week', weekday: 1, amount: '500' },
      threshold: { below: '10.5', topUpTo: '250.25' },
      monthlyCap: '2000.00',
    };
    const put = await putPolicy('ml-team', body);
    expect(put.status).toBe(200);
    const expected = {
      enabled: true,
      scheduled: { every: 'week', weekday: 1, amount: '500.00' },
      threshold: { below: '10.50', topUpTo: '250.25' },
      monthlyCap: '2000.00',
      effectiveFrom: expect.any(String),
      updatedAt: expect.any(String),
      updatedBy: 'user:default/alice',
    };
    expect(put.body).toEqual(expected);
    expect(Date.parse(put.body.effectiveFrom)).toBeGreaterThanOrEqual(before);
    expect(put.body.updatedAt).toBe(put.body.effectiveFrom);

    const get = await getPolicy('ml-team');
    expect(get.status).toBe(200);
    expect(get.body).toEqual(put.body);

    const monthly = await putPolicy('data-team', {
      enabled: false,
      scheduled: { every: 'month', dayOfMonth: 28, amount: '0.01' },
      monthlyCap: null,
    });
    expect(monthly.status).toBe(200);
    expect((await getPolicy('data-team')).body).toEqual({
      enabled: false,
      scheduled: { every: 'month', dayOfMonth: 28, amount: '0.01' },
      threshold: null,
      monthlyCap: null,
      effectiveFrom: monthly.body.effectiveFrom,
      updatedAt: monthly.body.updatedAt,
      updatedBy: 'user:default/alice',
    });
  });

  describe('bad input stores nothing', () => {
    const valid = {
      enabled: true,
      scheduled: { every: 'week', weekday: 3, amount: '20.00' },
      threshold: { below: '5.00', topUpTo: '50.00' },
      monthlyCap: '100.00',
    };

    it.each<[string, object, string]>([
      [
        'weekday 0',
        { ...valid, scheduled: { ...valid.scheduled, weekday: 0 } },
        "'scheduled.weekday'",
      ],
      [
        'weekday 8',
        { ...valid, scheduled: { ...valid.scheduled, weekday: 8 } },
        "'scheduled.weekday'",
      ],
      [
        'a weekly schedule without weekday',
        { ...valid, scheduled: { every: 'week', amount: '20.00' } },
        "'scheduled.weekday'",
      ],
      [
        'dayOfMonth 29',
        {
          ...valid,
          scheduled: { every: 'month', dayOfMonth: 29, amount: '1.00' },
        },
        "'scheduled.dayOfMonth'",
      ],
      [
        'dayOfMonth 0',
        {
          ...valid,
          scheduled: { every: 'month', dayOfMonth: 0, amount: '1.00' },
        },
        "'scheduled.dayOfMonth'",
      ],
      [
        "every 'day'",
        { ...valid, scheduled: { ...valid.scheduled, every: 'day' } },
        'scheduled/every must be equal to one of the allowed values',
      ],
      [
        "amount '0'",
        { ...valid, scheduled: { ...valid.scheduled, amount: '0' } },
        "'scheduled.amount' must be greater than zero",
      ],
      [
        "amount '1.001'",
        { ...valid, scheduled: { ...valid.scheduled, amount: '1.001' } },
        "'scheduled.amount' has more than 2 decimal places",
      ],
      [
        "amount '-5.00'",
        { ...valid, scheduled: { ...valid.scheduled, amount: '-5.00' } },
        "'scheduled.amount' must not be negative",
      ],
      [
        'topUpTo equal to below',
        { ...valid, threshold: { below: '5.00', topUpTo: '5' } },
        "'threshold.topUpTo' must be greater than 'threshold.below'",
      ],
      [
        'topUpTo below below',
        { ...valid, threshold: { below: '5.00', topUpTo: '4.99' } },
        "'threshold.topUpTo' must be greater than 'threshold.below'",
      ],
      [
        "threshold.below '1.001'",
        { ...valid, threshold: { below: '1.001', topUpTo: '5.00' } },
        "'threshold.below' has more than 2 decimal places",
      ],
      [
        "monthlyCap '-1'",
        { ...valid, monthlyCap: '-1' },
        "'monthlyCap' must not be negative",
      ],
      [
        "monthlyCap '0'",
        { ...valid, monthlyCap: '0' },
        "'monthlyCap' must be greater than zero",
      ],
      [
        'enabled with neither scheduled nor threshold',
        { enabled: true, scheduled: null, threshold: null },
        "an enabled policy needs 'scheduled' or 'threshold'",
      ],
      ['an unknown field', { ...valid, cap: '1.00' }, "unknown field 'cap'"],
      [
        'an unknown field in scheduled',
        { ...valid, scheduled: { ...valid.scheduled, hour: 3 } },
        "unknown field 'hour'",
      ],
      [
        'an unknown field in threshold',
        { ...valid, threshold: { ...valid.threshold, above: '1.00' } },
        "unknown field 'above'",
      ],
      [
        'no enabled',
        { scheduled: valid.scheduled },
        "must have required property 'enabled'",
      ],
    ])('%s → 400', async (_, body, message) => {
      const before = await getPolicy('ml-team');
      const res = await putPolicy('ml-team', body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
      expect((await getPolicy('ml-team')).body).toEqual(before.body);

      // Not even for a team that had no policy yet.
      const fresh = await putPolicy('ops-team', body);
      expect(fresh.status).toBe(400);
      expect((await getPolicy('ops-team')).body).toEqual(DISABLED);
    });
  });

  it('answers 404 for an unknown team', async () => {
    expect((await getPolicy('nope')).status).toBe(404);
    const res = await putPolicy('nope', {
      enabled: true,
      threshold: { below: '1.00', topUpTo: '2.00' },
    });
    expect(res.status).toBe(404);
  });

  it('keeps effectiveFrom unless the schedule changes', async () => {
    const scheduled = { every: 'week', weekday: 5, amount: '30.00' };
    const first = await putPolicy('data-team', {
      enabled: true,
      scheduled,
      threshold: null,
    });
    expect(first.status).toBe(200);
    const effectiveFrom = first.body.effectiveFrom;

    // Editing only the threshold and the cap keeps the catch-up window.
    await sleep(5);
    const edited = await putPolicy('data-team', {
      enabled: true,
      scheduled: { ...scheduled, amount: '30' },
      threshold: { below: '1.00', topUpTo: '9.00' },
      monthlyCap: '90.00',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.effectiveFrom).toBe(effectiveFrom);
    expect(Date.parse(edited.body.updatedAt)).toBeGreaterThan(
      Date.parse(effectiveFrom),
    );
    expect((await getPolicy('data-team')).body).toMatchObject({
      effectiveFrom,
      threshold: { below: '1.00', topUpTo: '9.00' },
      monthlyCap: '90.00',
    });

    // A different weekday is a new schedule: it is due from now on.
    await sleep(5);
    const moved = await putPolicy('data-team', {
      enabled: true,
      scheduled: { ...scheduled, weekday: 6 },
      threshold: { below: '1.00', topUpTo: '9.00' },
    });
    expect(moved.status).toBe(200);
    expect(Date.parse(moved.body.effectiveFrom)).toBeGreaterThan(
      Date.parse(effectiveFrom),
    );
    expect(moved.body.effectiveFrom).toBe(moved.body.updatedAt);
    expect((await getPolicy('data-team')).body.effectiveFrom).toBe(
      moved.body.effectiveFrom,
    );

    // So is a different amount.
    await sleep(5);
    const larger = await putPolicy('data-team', {
      enabled: true,
      scheduled: { ...scheduled, weekday: 6, amount: '31.00' },
    });
    expect(Date.parse(larger.body.effectiveFrom)).toBeGreaterThan(
      Date.parse(moved.body.effectiveFrom),
    );
  });
});
