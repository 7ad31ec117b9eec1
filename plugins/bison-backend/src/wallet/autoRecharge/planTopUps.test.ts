import { Micros } from '@bison/plugin-bison-common';
import { AutoRechargePolicy } from './AutoRechargePolicy';
import { planTopUps, TopUpState } from './planTopUps';

const UNIT = 1_000_000n;
const TEAM = 'team-1';
// 2026-01-05 is a Monday.
const EFFECTIVE_FROM = new Date('2026-01-05T10:00:00.000Z');
const NOW = new Date('2026-01-26T12:00:00.000Z');
const JANUARY = '2026-01-01T00:00:00.000Z';
const FEBRUARY = '2026-02-01T00:00:00.000Z';

const scheduledKey = (at: string) => `auto-recharge:${TEAM}:scheduled:${at}`;

function policy(overrides: Partial<AutoRechargePolicy> = {}) {
  return {
    enabled: true,
    effectiveFrom: EFFECTIVE_FROM,
    updatedAt: EFFECTIVE_FROM,
    updatedBy: 'user:default/alice',
    ...overrides,
  } satisfies AutoRechargePolicy;
}

const weekly = (amount: Micros, weekday = 1) => ({
  scheduled: { schedule: { every: 'week' as const, weekday }, amount },
});

function state(overrides: Partial<TopUpState> = {}): TopUpState {
  return {
    teamId: TEAM,
    balance: 0n,
    version: 7n,
    addedByMonth: new Map(),
    executedKeys: new Set(),
    ...overrides,
  };
}

const summary = (plans: ReturnType<typeof planTopUps>) =>
  plans.map(p => [p.at.toISOString(), p.amount]);

describe('planTopUps', () => {
  it('plans nothing for a disabled policy', () => {
    expect(
      planTopUps(
        policy({
          enabled: false,
          ...weekly(10n * UNIT),
          threshold: { below: 5n * UNIT, topUpTo: 20n * UNIT },
        }),
        state({ balance: -100n * UNIT }),
        NOW,
      ),
    ).toEqual([]);
  });

  it('plans nothing for an enabled policy without schedule or threshold', () => {
    expect(planTopUps(policy(), state(), NOW)).toEqual([]);
  });

  describe('scheduled', () => {
    it('catches up each period missed during three weeks of downtime once', () => {
      const p = policy(weekly(10n * UNIT));
      const plans = planTopUps(p, state(), NOW);

      expect(plans).toEqual([
        {
          amount: 10n * UNIT,
          at: new Date('2026-01-12T00:00:00.000Z'),
          idempotencyKey: scheduledKey('2026-01-12T00:00:00.000Z'),
          reason: 'Scheduled top-up for 2026-01-12',
        },
        {
          amount: 10n * UNIT,
          at: new Date('2026-01-19T00:00:00.000Z'),
          idempotencyKey: scheduledKey('2026-01-19T00:00:00.000Z'),
          reason: 'Scheduled top-up for 2026-01-19',
        },
        {
          amount: 10n * UNIT,
          at: new Date('2026-01-26T00:00:00.000Z'),
          idempotencyKey: scheduledKey('2026-01-26T00:00:00.000Z'),
          reason: 'Scheduled top-up for 2026-01-26',
        },
      ]);
      expect(new Set(plans.map(x => x.idempotencyKey)).size).toBe(3);

      // The same inputs (or a later run in the same week) give the same keys.
      expect(planTopUps(p, state(), NOW)).toEqual(plans);
      expect(
        planTopUps(p, state(), new Date('2026-02-01T23:59:59.999Z')),
      ).toEqual(plans);
    });

    it('keys are per team', () => {
      const p = policy(weekly(10n * UNIT));
      const keys = planTopUps(p, state({ teamId: 'team-2' }), NOW).map(
        x => x.idempotencyKey,
      );
      expect(keys).toEqual([
        'auto-recharge:team-2:scheduled:2026-01-12T00:00:00.000Z',
        'auto-recharge:team-2:scheduled:2026-01-19T00:00:00.000Z',
        'auto-recharge:team-2:scheduled:2026-01-26T00:00:00.000Z',
      ]);
    });

    it('is not due before the policy took effect', () => {
      expect(
        planTopUps(
          policy(weekly(10n * UNIT)),
          state(),
          new Date('2026-01-11T23:59:59.999Z'),
        ),
      ).toEqual([]);
    });

    it('skips periods that were already executed', () => {
      const plans = planTopUps(
        policy(weekly(10n * UNIT)),
        state({
          executedKeys: new Set([
            scheduledKey('2026-01-12T00:00:00.000Z'),
            scheduledKey('2026-01-26T00:00:00.000Z'),
          ]),
        }),
        NOW,
      );
      expect(summary(plans)).toEqual([
        ['2026-01-19T00:00:00.000Z', 10n * UNIT],
      ]);

      const all = new Set(
        planTopUps(policy(weekly(10n * UNIT)), state(), NOW).map(
          x => x.idempotencyKey,
        ),
      );
      expect(
        planTopUps(
          policy(weekly(10n * UNIT)),
          state({ executedKeys: all }),
          NOW,
        ),
      ).toEqual([]);
    });

    it('plans monthly occurrences across the year boundary', () => {
      const plans = planTopUps(
        policy({
          effectiveFrom: new Date('2025-11-20T08:00:00.000Z'),
          scheduled: {
            schedule: { every: 'month', dayOfMonth: 15 },
            amount: 3n * UNIT,
          },
        }),
        state(),
        new Date('2026-02-14T23:00:00.000Z'),
      );
      expect(summary(plans)).toEqual([
        ['2025-12-15T00:00:00.000Z', 3n * UNIT],
        ['2026-01-15T00:00:00.000Z', 3n * UNIT],
      ]);
    });
  });

  describe('monthly cap', () => {
    it('trims the top-up that reaches the cap and skips the rest of the month', () => {
      const plans = planTopUps(
        policy({ ...weekly(10n * UNIT), monthlyCap: 25n * UNIT }),
        state(),
        new Date('2026-02-10T00:00:00.000Z'),
      );
      expect(summary(plans)).toEqual([
        ['2026-01-12T00:00:00.000Z', 10n * UNIT],
        ['2026-01-19T00:00:00.000Z', 10n * UNIT],
        ['2026-01-26T00:00:00.000Z', 5n * UNIT],
        // February has its own cap.
        ['2026-02-02T00:00:00.000Z', 10n * UNIT],
        ['2026-02-09T00:00:00.000Z', 10n * UNIT],
      ]);
    });

    it('counts what was already added in the month of the period', () => {
      const p = policy({ ...weekly(10n * UNIT), monthlyCap: 25n * UNIT });
      const now = new Date('2026-02-10T00:00:00.000Z');

      // January is exhausted: its periods are skipped even though they are
      // planned in February.
      expect(
        summary(
          planTopUps(
            p,
            state({ addedByMonth: new Map([[JANUARY, 25n * UNIT]]) }),
            now,
          ),
        ),
      ).toEqual([
        ['2026-02-02T00:00:00.000Z', 10n * UNIT],
        ['2026-02-09T00:00:00.000Z', 10n * UNIT],
      ]);

      // What February already got does not reduce January's periods.
      expect(
        summary(
          planTopUps(
            p,
            state({ addedByMonth: new Map([[FEBRUARY, 20n * UNIT]]) }),
            now,
          ),
        ),
      ).toEqual([
        ['2026-01-12T00:00:00.000Z', 10n * UNIT],
        ['2026-01-19T00:00:00.000Z', 10n * UNIT],
        ['2026-01-26T00:00:00.000Z', 5n * UNIT],
        ['2026-02-02T00:00:00.000Z', 5n * UNIT],
      ]);

      // More than the cap already added (e.g. the cap was lowered).
      expect(
        planTopUps(
          p,
          state({
            addedByMonth: new Map([
              [JANUARY, 40n * UNIT],
              [FEBRUARY, 30n * UNIT],
            ]),
          }),
          now,
        ),
      ).toEqual([]);
    });

    it('is shared by scheduled and threshold top-ups', () => {
      const plans = planTopUps(
        policy({
          ...weekly(10n * UNIT),
          threshold: { below: 50n * UNIT, topUpTo: 100n * UNIT },
          monthlyCap: 25n * UNIT,
        }),
        state(),
        NOW,
      );
      expect(summary(plans)).toEqual([
        ['2026-01-12T00:00:00.000Z', 10n * UNIT],
        ['2026-01-19T00:00:00.000Z', 10n * UNIT],
        ['2026-01-26T00:00:00.000Z', 5n * UNIT],
      ]);
    });

    it('trims a threshold top-up by the month of the run', () => {
      const p = policy({
        threshold: { below: 5n * UNIT, topUpTo: 20n * UNIT },
        monthlyCap: 30n * UNIT,
      });
      const plans = planTopUps(
        p,
        state({
          addedByMonth: new Map([
            [JANUARY, 22n * UNIT],
            [FEBRUARY, 29n * UNIT],
          ]),
        }),
        NOW,
      );
      expect(summary(plans)).toEqual([[NOW.toISOString(), 8n * UNIT]]);
      expect(
        planTopUps(
          p,
          state({ addedByMonth: new Map([[JANUARY, 30n * UNIT]]) }),
          NOW,
        ),
      ).toEqual([]);
    });
  });

  describe('threshold', () => {
    const p = policy({ threshold: { below: 5n * UNIT, topUpTo: 20n * UNIT } });

    it.each<[string, Micros, Micros]>([
      ['well below', 2n * UNIT, 18n * UNIT],
      ['one micro below', 5n * UNIT - 1n, 15n * UNIT + 1n],
      ['negative (on credit)', -3n * UNIT, 23n * UNIT],
    ])('tops up a balance %s to exactly topUpTo', (_, balance, expected) => {
      const plans = planTopUps(p, state({ balance }), NOW);
      expect(plans).toEqual([
        {
          amount: expected,
          at: NOW,
          idempotencyKey: `auto-recharge:${TEAM}:threshold:v7`,
          reason: 'Balance fell below the auto-recharge threshold',
        },
      ]);
      expect(balance + plans[0].amount).toBe(20n * UNIT);
    });

    it.each<[string, Micros]>([
      ['exactly at the threshold', 5n * UNIT],
      ['above the threshold', 12n * UNIT],
      ['above topUpTo', 25n * UNIT],
    ])('leaves a balance %s alone', (_, balance) => {
      expect(planTopUps(p, state({ balance }), NOW)).toEqual([]);
    });

    it('keys the top-up by wallet version', () => {
      const [first] = planTopUps(p, state({ version: 41n }), NOW);
      const [second] = planTopUps(p, state({ version: 42n }), NOW);
      expect(first.idempotencyKey).toContain(':v41');
      expect(second.idempotencyKey).toContain(':v42');
      expect(first.idempotencyKey).not.toBe(second.idempotencyKey);
    });
  });

  describe('scheduled and threshold together', () => {
    it('counts scheduled top-ups before deciding on the threshold', () => {
      const p = policy({
        ...weekly(10n * UNIT),
        threshold: { below: 5n * UNIT, topUpTo: 20n * UNIT },
      });
      // One scheduled top-up lifts the balance above the threshold.
      expect(
        summary(
          planTopUps(
            p,
            state({ balance: 1n * UNIT }),
            new Date('2026-01-12T06:00:00.000Z'),
          ),
        ),
      ).toEqual([['2026-01-12T00:00:00.000Z', 10n * UNIT]]);
    });

    it('tops up the rest to topUpTo when the scheduled top-ups do not suffice', () => {
      const p = policy({
        ...weekly(2n * UNIT),
        threshold: { below: 10n * UNIT, topUpTo: 20n * UNIT },
      });
      const plans = planTopUps(p, state({ balance: -1n * UNIT }), NOW);
      expect(summary(plans)).toEqual([
        ['2026-01-12T00:00:00.000Z', 2n * UNIT],
        ['2026-01-19T00:00:00.000Z', 2n * UNIT],
        ['2026-01-26T00:00:00.000Z', 2n * UNIT],
        [NOW.toISOString(), 15n * UNIT],
      ]);
      expect(plans[3].idempotencyKey).toBe(
        `auto-recharge:${TEAM}:threshold:v7`,
      );
    });
  });

  it('does not modify the state it is given', () => {
    const addedByMonth = new Map([[JANUARY, 1n * UNIT]]);
    const executedKeys = new Set<string>();
    planTopUps(
      policy({ ...weekly(10n * UNIT), monthlyCap: 100n * UNIT }),
      state({ addedByMonth, executedKeys }),
      NOW,
    );
    expect(addedByMonth).toEqual(new Map([[JANUARY, 1n * UNIT]]));
    expect(executedKeys.size).toBe(0);
  });
});
