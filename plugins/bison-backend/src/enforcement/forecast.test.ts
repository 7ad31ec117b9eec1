import fc from 'fast-check';
import { burnRate, runOutAt } from './forecast';

const M = 1_000_000n;
const now = new Date('2026-12-02T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe('burnRate', () => {
  it.each([
    ['no spend', { last24h: 0n, last7d: 0n }, 0n, 'none'],
    [
      'steady spend: the week and the day agree',
      { last24h: 10n * M, last7d: 70n * M, firstWindowStart: daysAgo(30) },
      10n * M,
      'last24h',
    ],
    [
      'a busy day counts over a quiet week',
      { last24h: 30n * M, last7d: 70n * M, firstWindowStart: daysAgo(30) },
      30n * M,
      'last24h',
    ],
    [
      'a quiet day does not hide the week',
      { last24h: 1n * M, last7d: 70n * M, firstWindowStart: daysAgo(30) },
      10n * M,
      'last7d',
    ],
    [
      'a team billed for two days is measured over two days',
      { last24h: 10n * M, last7d: 30n * M, firstWindowStart: daysAgo(2) },
      15n * M,
      'last7d',
    ],
    [
      'a team billed for six hours is measured over six hours',
      {
        last24h: 3n * M,
        last7d: 3n * M,
        firstWindowStart: daysAgo(0.25),
      },
      12n * M,
      'last24h',
    ],
    [
      'rounds half up to the micro',
      { last24h: 0n, last7d: 4n, firstWindowStart: daysAgo(30) },
      1n,
      'last7d',
    ],
  ] as const)('%s', (_name, spend, perDay, basis) => {
    expect(burnRate(spend, now)).toEqual({ perDay, basis });
  });
});

describe('runOutAt', () => {
  it.each([
    ['no spend never runs out', 100n * M, 0n, 0n, undefined],
    ['below the level already is now', -1n, 0n, 10n * M, now],
    [
      'ten a day from a hundred: ten days',
      100n * M,
      0n,
      10n * M,
      new Date(now.getTime() + 10 * 86_400_000 + 1),
    ],
    [
      'with a credit limit of 50: fifteen days',
      100n * M,
      -50n * M,
      10n * M,
      new Date(now.getTime() + 15 * 86_400_000 + 1),
    ],
    ['beyond ten years is never', 1_000_000n * M, 0n, 1n, undefined],
  ] as const)('%s', (_name, balance, level, rate, expected) => {
    expect(runOutAt(balance, level, rate, now)).toEqual(expected);
  });

  it('is the first instant the balance, spent at the rate, is below the level', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 1_000_000n * M }),
        fc.bigInt({ min: 1n, max: 100_000n * M }),
        (balance, rate) => {
          const at = runOutAt(balance, 0n, rate, now);
          if (!at) return true; // beyond the horizon
          const ms = BigInt(at.getTime() - now.getTime());
          // Spent exactly at the rate: still funded a millisecond before,
          // below the level at the instant.
          return (
            rate * (ms - 1n) <= balance * 86_400_000n &&
            rate * ms > balance * 86_400_000n
          );
        },
      ),
    );
  });

  it('comes sooner as the rate grows', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 1_000n * M }),
        fc.bigInt({ min: 1n, max: 1_000n * M }),
        fc.bigInt({ min: 1n, max: 1_000n * M }),
        (balance, rate, extra) => {
          const slow = runOutAt(balance, 0n, rate, now);
          const fast = runOutAt(balance, 0n, rate + extra, now);
          return !slow || (fast !== undefined && fast <= slow);
        },
      ),
    );
  });
});
