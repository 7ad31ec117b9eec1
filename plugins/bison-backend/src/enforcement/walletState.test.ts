import fc from 'fast-check';
import { WalletState } from '@bison/plugin-bison-common';
import { evaluateWalletState, WalletStateInput } from './walletState';
import { DEFAULT_SUSPENSION_STEPS, EnforcementSettings } from './settings';

const M = 1_000_000n; // one currency unit in micros
const now = new Date('2026-12-02T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

const settings: EnforcementSettings = {
  mode: 'enforce',
  lowBalance: 100n * M,
  lowRunwayDays: 3,
  creditLimit: 50n * M,
  graceHours: 24,
  resumeBalance: -50n * M,
  steps: DEFAULT_SUSPENSION_STEPS,
};

const input = (over: Partial<WalletStateInput>): WalletStateInput => ({
  state: 'active',
  balance: 1000n * M,
  burnRatePerDay: 0n,
  settings,
  now,
  ...over,
});

describe('evaluateWalletState', () => {
  it.each<[string, Partial<WalletStateInput>, WalletState, string[]]>([
    ['plenty of money stays active', {}, 'active', []],
    [
      'below the low-balance level is low',
      { balance: 99n * M },
      'low',
      ['active→low below-low-balance'],
    ],
    [
      'exactly at the low-balance level is not low',
      { balance: 100n * M, state: 'low' },
      'active',
      ['low→active balance-recovered'],
    ],
    [
      'fewer days of runway than the limit is low',
      { balance: 500n * M, burnRatePerDay: 200n * M },
      'low',
      ['active→low runway-below-limit'],
    ],
    [
      'exactly three days of runway is not low',
      { balance: 600n * M, burnRatePerDay: 200n * M },
      'active',
      [],
    ],
    [
      'below zero but within the credit limit is low, not overdue',
      { balance: -50n * M, state: 'low' },
      'low',
      [],
    ],
    [
      'below the credit limit is overdue',
      { balance: -50n * M - 1n, state: 'low' },
      'overdue',
      ['low→overdue below-credit-limit'],
    ],
    [
      'overdue within the grace period stays overdue',
      { balance: -60n * M, state: 'overdue', overdueSince: hoursAgo(23) },
      'overdue',
      [],
    ],
    [
      'overdue when the grace period ends is suspended',
      { balance: -60n * M, state: 'overdue', overdueSince: hoursAgo(24) },
      'suspended',
      ['overdue→suspended grace-expired'],
    ],
    [
      'with no grace at all, active goes through overdue to suspended',
      {
        balance: -60n * M,
        settings: { ...settings, graceHours: 0 },
      },
      'suspended',
      ['active→overdue below-credit-limit', 'overdue→suspended grace-expired'],
    ],
    [
      'an overdue team paid up is active again',
      { balance: 1000n * M, state: 'overdue', overdueSince: hoursAgo(5) },
      'active',
      ['overdue→active balance-recovered'],
    ],
    [
      'a suspension after grace is lifted at the resume level',
      {
        state: 'suspended',
        balance: -50n * M,
        overdueSince: hoursAgo(30),
        suspension: { trigger: 'grace-expired', held: false },
      },
      'low',
      ['suspended→low resume-balance-reached'],
    ],
    [
      'a suspension after grace holds below the resume level',
      {
        state: 'suspended',
        balance: -51n * M,
        overdueSince: hoursAgo(30),
        suspension: { trigger: 'grace-expired', held: false },
      },
      'suspended',
      [],
    ],
    [
      'a held suspension is not lifted by money',
      {
        state: 'suspended',
        balance: 5000n * M,
        balanceBefore: -60n * M,
        suspension: { trigger: 'grace-expired', held: true },
      },
      'suspended',
      [],
    ],
    [
      "an admin's suspension is lifted by a posting that brings the balance up",
      {
        state: 'suspended',
        balance: 5000n * M,
        balanceBefore: -60n * M,
        suspension: { trigger: 'manual', held: false },
      },
      'active',
      ['suspended→active resume-balance-reached'],
    ],
    [
      "an admin's suspension of a team with money is not lifted by the pass",
      {
        state: 'suspended',
        balance: 5000n * M,
        suspension: { trigger: 'manual', held: false },
      },
      'suspended',
      [],
    ],
    [
      "an admin's suspension is not lifted by a recharge above the level already",
      {
        state: 'suspended',
        balance: 5000n * M,
        balanceBefore: 4000n * M,
        suspension: { trigger: 'manual', held: false },
      },
      'suspended',
      [],
    ],
  ])('%s', (_name, over, state, transitions) => {
    const outcome = evaluateWalletState(input(over));
    expect(outcome.state).toBe(state);
    expect(
      outcome.transitions.map(t => `${t.from}→${t.to} ${t.reason}`),
    ).toEqual(transitions);
  });

  it('starts the grace period once and keeps it through later debits', () => {
    const first = evaluateWalletState(
      input({ state: 'low', balance: -60n * M, now: hoursAgo(10) }),
    );
    expect(first.overdueSince).toEqual(hoursAgo(10));
    const later = evaluateWalletState(
      input({
        state: first.state,
        balance: -70n * M,
        balanceBefore: -60n * M,
        overdueSince: first.overdueSince,
      }),
    );
    expect(later).toEqual({
      state: 'overdue',
      overdueSince: hoursAgo(10),
      transitions: [],
    });
  });

  it('forgets the grace period once the team is no longer overdue', () => {
    const outcome = evaluateWalletState(
      input({ state: 'overdue', balance: 0n, overdueSince: hoursAgo(2) }),
    );
    expect(outcome.overdueSince).toBeUndefined();
  });

  const states: WalletState[] = ['active', 'low', 'overdue', 'suspended'];
  const arbitraryInput = fc.record({
    state: fc.constantFrom(...states),
    balance: fc.bigInt({ min: -10_000n * M, max: 10_000n * M }),
    balanceBefore: fc.option(
      fc.bigInt({ min: -10_000n * M, max: 10_000n * M }),
      {
        nil: undefined,
      },
    ),
    overdueHoursAgo: fc.option(fc.integer({ min: 0, max: 100 }), {
      nil: undefined,
    }),
    trigger: fc.constantFrom('grace-expired' as const, 'manual' as const),
    held: fc.boolean(),
    burnRatePerDay: fc.bigInt({ min: 0n, max: 1000n * M }),
    graceHours: fc.integer({ min: 0, max: 72 }),
  });

  const inputOf = (a: any) =>
    input({
      state: a.state,
      balance: a.balance,
      balanceBefore: a.balanceBefore,
      overdueSince:
        a.overdueHoursAgo === undefined
          ? undefined
          : hoursAgo(a.overdueHoursAgo),
      suspension: { trigger: a.trigger, held: a.held },
      burnRatePerDay: a.burnRatePerDay,
      settings: { ...settings, graceHours: a.graceHours },
    });

  it('is a fixed point: evaluating its own outcome changes nothing', () => {
    fc.assert(
      fc.property(arbitraryInput, a => {
        const base = inputOf(a);
        const once = evaluateWalletState(base);
        const twice = evaluateWalletState({
          ...base,
          state: once.state,
          overdueSince: once.overdueSince,
          balanceBefore: undefined,
        });
        const chained =
          once.transitions.length === 0 ||
          (once.transitions[0].from === a.state &&
            once.transitions[once.transitions.length - 1].to === once.state);
        return (
          twice.state === once.state &&
          twice.transitions.length === 0 &&
          chained
        );
      }),
    );
  });

  it('suspends only below the credit limit, never resumes a held suspension, and is overdue exactly below the limit', () => {
    const below = (balance: bigint) => balance < -settings.creditLimit;
    fc.assert(
      fc.property(arbitraryInput, a => {
        const outcome = evaluateWalletState(inputOf(a));
        const suspendsOnlyBelow =
          a.state === 'suspended' ||
          outcome.state !== 'suspended' ||
          below(a.balance);
        const keepsHeld =
          !(a.state === 'suspended' && a.held) || outcome.state === 'suspended';
        const overdueBelow =
          outcome.state !== 'overdue' ||
          (below(a.balance) && outcome.overdueSince !== undefined);
        return suspendsOnlyBelow && keepsHeld && overdueBelow;
      }),
    );
  });
});
