import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import os from 'node:os';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createAlertFixture, M } from '../alerts/__testUtils__/alertFixture';
import {
  createDeliveryStack,
  SIGNING_SECRET,
} from '../alerts/__testUtils__/deliveryFixture';
import {
  sampleNotice,
  startReceiver,
} from '../alerts/channels/__testUtils__/channelTestContext';
import { readAlertRules } from '../alerts/parseRules';
import { report, summarize, timed } from './stats';

/**
 * Alerts at scale, on PostgreSQL and SQLite:
 *
 * 1. rule evaluation (every default rule) for BISON_BENCH_TEAMS (2000)
 *    teams, one in ten crossing a level: the first pass, which stores the
 *    messages, and the steady passes after it (target < 1 s);
 * 2. outbox throughput: BISON_BENCH_DELIVERIES (2000) deliveries of signed
 *    webhooks to a local receiver (target ≥ 200 per second);
 * 3. the delivery history at BISON_BENCH_HISTORY (100,000) rows: time and
 *    heap of the first page, a deep page and a team's page.
 *
 * Prints numbers; asserts only that the work was done.
 */
jest.setTimeout(60 * 60_000);

const TEAMS = Number(process.env.BISON_BENCH_TEAMS ?? 2000);
const DELIVERIES = Number(process.env.BISON_BENCH_DELIVERIES ?? 2000);
const HISTORY = Number(process.env.BISON_BENCH_HISTORY ?? 100_000);
const PASSES = 5;
const NOW = new Date('2026-12-03T08:00:00Z');
const MACHINE = `${
  os.cpus().length
} shared cores; PostgreSQL, the receiver and Jest share them; SQLite is in memory`;

const databases = createTestDatabases();
const ms = (value: number) => +value.toFixed(1);
const mib = (bytes: number) => +(bytes / 2 ** 20).toFixed(1);

const defaultRules = readAlertRules(
  mockServices.rootConfig({
    data: { bison: { alerts: { rules: { 'low-balance': { below: '20' } } } } },
  }),
  2,
);

describe.each(databases.eachSupportedId())('alerts benchmark on %p', id => {
  let knex: Knex;
  let fixture: Awaited<ReturnType<typeof createAlertFixture>>;

  beforeEach(async () => {
    knex = await databases.init(id);
    fixture = await createAlertFixture(knex, {
      rules: defaultRules,
      now: NOW,
    });
  });
  afterEach(async () => {
    await knex.destroy();
  });

  it(`evaluates the rules for ${TEAMS} teams`, async () => {
    const [, setupMillis] = await timed(async () => {
      for (let t = 0; t < TEAMS; t++) {
        const team = await fixture.createTeam(`team-${t}`);
        await fixture.post(team.id, 100n * M);
        // One team in ten below 50 % of its last recharge.
        if (t % 10 === 0) await fixture.post(team.id, -60n * M);
      }
    });
    const engine = fixture.newEngine();
    const [, firstMillis] = await timed(() => engine.evaluate());
    const steady: number[] = [];
    for (let pass = 0; pass < PASSES; pass++) {
      steady.push((await timed(() => engine.evaluate()))[1]);
    }
    const messages = (await fixture.messages()).length;
    expect(messages).toBeGreaterThanOrEqual(Math.floor(TEAMS / 10));
    report(`alerts: rule evaluation, ${TEAMS} teams on ${id}`, [
      {
        rules: defaultRules.filter(r => r.enabled).length,
        setupSeconds: ms(setupMillis / 1000),
        firstPassMs: ms(firstMillis),
        messagesStored: messages,
        steadyPassMs: summarize(steady),
        targetMs: 1000,
        machine: MACHINE,
      },
    ]);
  });

  it(`delivers ${DELIVERIES} webhooks through the outbox`, async () => {
    const receiver = await startReceiver();
    try {
      const stack = createDeliveryStack(fixture);
      const channel = await stack.service.create(
        null,
        {
          name: 'bench',
          type: 'webhook',
          secrets: {
            url: `${receiver.url}/hook?token=t`,
            signingSecret: SIGNING_SECRET,
          },
        },
        'user:default/alice',
      );
      const recordDeliveries = (batchSize: number) =>
        knex.transaction(async trx => {
          for (let i = 0; i < DELIVERIES; i++) {
            await fixture.outbox.record(
              trx,
              {
                key: `bench/${batchSize}/${i}`,
                ruleId: 'low-balance',
                kind: 'low-balance',
                teamId: null,
                subject: 'installation',
                severity: 'warning',
                notice: sampleNotice({ id: `msg_${batchSize}_${i}` }),
              },
              [channel.id],
              fixture.now(),
              new Date(fixture.now().getTime() + 3_600_000),
            );
          }
        });
      const rows = [];
      for (const batchSize of [16, 64]) {
        await recordDeliveries(batchSize);
        const worker = stack.newWorker({ batchSize });
        const before = receiver.requests.length;
        const [summary, millis] = await timed(() => worker.deliverDue());
        expect(summary.delivered).toBe(DELIVERIES);
        expect(receiver.requests.length - before).toBe(DELIVERIES);
        rows.push({
          batchSize,
          deliveries: DELIVERIES,
          seconds: ms(millis / 1000),
          perSecond: Math.round((DELIVERIES / millis) * 1000),
          targetPerSecond: 200,
        });
      }
      report(`alerts: outbox throughput to a local receiver on ${id}`, [
        ...rows,
        { machine: MACHINE },
      ]);
    } finally {
      await receiver.close();
    }
  });

  it(`pages a history of ${HISTORY} deliveries`, async () => {
    const teams = await Promise.all(
      ['a-team', 'b-team'].map(name => fixture.createTeam(name)),
    );
    const notice = JSON.stringify(sampleNotice());
    const chunk = 500;
    for (let start = 0; start < HISTORY; start += chunk) {
      const size = Math.min(chunk, HISTORY - start);
      const ids = await knex('alert_messages')
        .insert(
          Array.from({ length: size }, (_, i) => ({
            message_key: `history/${start + i}`,
            rule_id: 'low-balance',
            kind: 'low-balance',
            team_id: teams[(start + i) % 2].id,
            subject: teams[(start + i) % 2].name,
            status: 'firing',
            severity: 'warning',
            notice,
            created_at: NOW,
          })),
        )
        .returning('id');
      await knex('alert_deliveries').insert(
        ids.map((row: any, i: number) => ({
          message_id: row.id ?? row,
          channel_id: 'backstage',
          team_id: teams[(start + i) % 2].id,
          status: (start + i) % 50 === 0 ? 'failed' : 'delivered',
          attempts: 1,
          next_attempt_at: NOW,
          retry_until: NOW,
          created_at: NOW,
          updated_at: NOW,
        })),
      );
    }
    const middle = String(
      (await knex('alert_deliveries').max({ id: 'id' }).first())!.id -
        Math.floor(HISTORY / 2),
    );
    const measure = async (label: string, filter: object) => {
      const heapBefore = process.memoryUsage().heapUsed;
      const samples: number[] = [];
      let items = 0;
      const pageOnce = () => fixture.outbox.history({ limit: 50, ...filter });
      for (let i = 0; i < PASSES; i++) {
        const [page, millis] = await timed(pageOnce);
        items = page.length;
        samples.push(millis);
      }
      return {
        page: label,
        items,
        ms: summarize(samples),
        heapGrowthMiB: mib(process.memoryUsage().heapUsed - heapBefore),
      };
    };
    const rows = [
      await measure('first', {}),
      await measure('middle (keyset)', { before: middle }),
      await measure("one team's", { teamIds: [teams[1].id] }),
      await measure('failed only', { status: 'failed' }),
    ];
    expect(rows.every(row => row.items === 50)).toBe(true);
    report(`alerts: history of ${HISTORY} deliveries on ${id}`, [
      ...rows,
      {
        heapUsedMiB: mib(process.memoryUsage().heapUsed),
        machine: MACHINE,
      },
    ]);
  });
});
