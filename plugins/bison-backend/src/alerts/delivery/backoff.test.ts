import { DEFAULT_BACKOFF, nextAttemptAt } from './backoff';

const now = new Date('2026-12-03T00:00:00Z');
const retryUntil = new Date(now.getTime() + 24 * 3_600_000);
const waitAfter = (
  attempts: number,
  random: number,
  retryAfterSeconds?: number,
) =>
  nextAttemptAt({
    attempts,
    now,
    retryUntil,
    policy: DEFAULT_BACKOFF,
    retryAfterSeconds,
    random: () => random,
  })!.getTime() - now.getTime();

describe('nextAttemptAt', () => {
  it('doubles the wait per attempt, jittered within the upper half', () => {
    expect(waitAfter(1, 0)).toBe(5_000);
    expect(waitAfter(1, 1)).toBe(10_000);
    expect(waitAfter(2, 1)).toBe(20_000);
    expect(waitAfter(4, 0.5)).toBe(60_000);
  });

  it('never waits longer than the maximum', () => {
    expect(waitAfter(30, 1)).toBe(DEFAULT_BACKOFF.maxMillis);
  });

  it('waits at least as long as Retry-After asks, up to the maximum', () => {
    expect(waitAfter(1, 0, 120)).toBe(120_000);
    expect(waitAfter(1, 0, 10 * 3600)).toBe(DEFAULT_BACKOFF.maxMillis);
  });

  it('gives up when the next attempt would come after the retry time', () => {
    expect(
      nextAttemptAt({
        attempts: 1,
        now,
        retryUntil: new Date(now.getTime() + 4_000),
        policy: DEFAULT_BACKOFF,
      }),
    ).toBeNull();
  });
});
