export interface BackoffPolicy {
  /** The wait after the first failed attempt. */
  initialMillis: number;
  /** The longest wait between two attempts. */
  maxMillis: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  initialMillis: 10_000,
  maxMillis: 60 * 60_000,
};

/**
 * When to try a delivery again after its `attempts`-th failed attempt:
 * exponential backoff with jitter (each wait drawn from the upper half of
 * its step, so replicas and channels spread out), at least what the
 * receiver asked for with Retry-After, and null once the next attempt would
 * fall after `retryUntil`: the delivery has failed.
 */
export function nextAttemptAt(options: {
  attempts: number;
  now: Date;
  retryUntil: Date;
  policy: BackoffPolicy;
  retryAfterSeconds?: number;
  random?: () => number;
}): Date | null {
  const { attempts, now, retryUntil, policy, random = Math.random } = options;
  const step = Math.min(
    policy.maxMillis,
    policy.initialMillis * 2 ** Math.max(0, attempts - 1),
  );
  const jittered = step / 2 + (step / 2) * random();
  const asked = (options.retryAfterSeconds ?? 0) * 1000;
  const wait = Math.min(policy.maxMillis, Math.max(jittered, asked));
  const at = new Date(now.getTime() + Math.round(wait));
  return at > retryUntil ? null : at;
}
