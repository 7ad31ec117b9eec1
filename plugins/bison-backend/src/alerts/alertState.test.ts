import fc from 'fast-check';
import { AlertMessage, AlertState, CLEAR, stepAlert } from './alertState';
import { observeTeam, TeamFacts } from './observe';

const M = 1_000_000n; // one currency unit in micros
const start = new Date('2026-12-02T12:00:00Z');
const minutesLater = (m: number) => new Date(start.getTime() + m * 60_000);

/** Runs the levels through stepAlert, one evaluation a minute. */
function run(levels: number[], repeatMinutes: number | null = null) {
  let state: AlertState = CLEAR;
  const messages: AlertMessage[] = [];
  levels.forEach((level, minute) => {
    const step = stepAlert(
      state,
      { level },
      { repeatMinutes, now: minutesLater(minute) },
    );
    state = step.state;
    if (step.message) messages.push(step.message);
  });
  return { state, messages };
}

describe('stepAlert', () => {
  it.each<[string, number[], string[]]>([
    ['clear stays quiet', [0, 0, 0], []],
    ['fires once while it holds', [1, 1, 1], ['1/firing']],
    ['resolves once when it clears', [1, 0, 0], ['1/firing', '1/resolved']],
    [
      'a second crossing is a new alert',
      [1, 0, 1, 0],
      ['1/firing', '1/resolved', '2/firing', '2/resolved'],
    ],
    [
      'a deeper level fires again',
      [1, 2, 3],
      ['1/firing', '2/firing', '3/firing'],
    ],
    ['a shallower level is quiet', [3, 2, 2], ['1/firing']],
    [
      'falling back to the deeper level is a new crossing',
      [2, 1, 2],
      ['1/firing', '2/firing'],
    ],
  ])('%s', (_name, levels, keys) => {
    expect(run(levels).messages.map(m => m.key)).toEqual(keys);
  });

  it('repeats at the interval while it holds, never without one', () => {
    const holding = Array(61).fill(1);
    expect(run(holding, 30).messages.map(m => m.key)).toEqual([
      '1/firing',
      '1/repeat/1',
      '1/repeat/2',
    ]);
    expect(run(holding, null).messages).toHaveLength(1);
  });

  it('sends each message key at most once, whatever the levels', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 60 }),
        fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
        (levels, repeat) => {
          const keys = run(levels, repeat).messages.map(m => m.key);
          expect(new Set(keys).size).toBe(keys.length);
        },
      ),
    );
  });

  it('evaluating again at the same instant sends nothing more', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 3 }),
        (levels, level) => {
          const { state } = run(levels, 5);
          const now = minutesLater(levels.length);
          const once = stepAlert(state, { level }, { repeatMinutes: 5, now });
          const twice = stepAlert(
            once.state,
            { level },
            { repeatMinutes: 5, now },
          );
          expect(twice.message).toBeUndefined();
          expect(twice.state).toEqual(once.state);
        },
      ),
    );
  });

  it('resolves each crossing at most once and only after it fired', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 60 }),
        levels => {
          const { messages } = run(levels);
          const fired = new Set(
            messages
              .filter(m => m.kind === 'firing')
              .map(m => m.key.split('/')[0]),
          );
          for (const m of messages.filter(r => r.kind === 'resolved')) {
            expect(fired.has(m.key.split('/')[0])).toBe(true);
          }
        },
      ),
    );
  });
});

describe('low balance in percent of the last recharge', () => {
  const facts = (balance: bigint, lastRecharge: bigint): TeamFacts => ({
    team: 'ml-team',
    balance,
    lastRecharge,
    burnRatePerDay: 0n,
    state: 'active',
    graceEndsAt: null,
    quotaUse: [],
    autoRechargeError: null,
  });
  const rule = { kind: 'low-balance-percent' as const, levels: [50, 25, 10] };

  it('fires 50 %, 25 % and 10 % once each and resolves once on a recharge', () => {
    const balances: Array<[bigint, bigint]> = [
      [100n * M, 100n * M],
      [40n * M, 100n * M],
      [20n * M, 100n * M],
      [5n * M, 100n * M],
      [205n * M, 200n * M], // recharged by 200
    ];
    let state: AlertState = CLEAR;
    const sent: string[] = [];
    balances.forEach(([balance, last], minute) => {
      // Each point is evaluated 100 times, as repeated passes would.
      for (let i = 0; i < 100; i++) {
        const [observation] = observeTeam(rule, facts(balance, last), start);
        const step = stepAlert(state, observation, {
          repeatMinutes: null,
          now: minutesLater(minute),
        });
        state = step.state;
        if (step.message) {
          sent.push(
            `${step.message.kind} ${observation.details.percent ?? ''}`.trim(),
          );
        }
      }
    });
    expect(sent).toEqual(['firing 50', 'firing 25', 'firing 10', 'resolved']);
  });

  it('is exact at the boundary and quiet without a recharge', () => {
    const at = (balance: bigint, last: bigint | null) =>
      observeTeam(
        rule,
        { ...facts(balance, 0n), lastRecharge: last },
        start,
      )[0];
    expect(at(50n * M, 100n * M).level).toBe(0); // 50 % is not below 50 %
    expect(at(50n * M - 1n, 100n * M).level).toBe(1);
    expect(at(10n * M - 1n, 100n * M)).toMatchObject({
      level: 3,
      severity: 'critical',
    });
    expect(at(-5n * M, null).level).toBe(0);
  });
});
