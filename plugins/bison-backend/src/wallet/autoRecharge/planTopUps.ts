import { Micros } from '@bison/plugin-bison-common';
import { AutoRechargePolicy } from './AutoRechargePolicy';
import { monthStart, scheduleOccurrences } from './scheduleOccurrences';

export interface PlannedTopUp {
  amount: Micros;
  /** The period the top-up is for; the monthly cap counts it in its month. */
  at: Date;
  /** Unique per team and period (scheduled) or per wallet version (threshold). */
  idempotencyKey: string;
  reason: string;
}

export interface TopUpState {
  teamId: string;
  balance: Micros;
  /** Wallet version; a threshold top-up happens at most once per version. */
  version: bigint;
  /** What auto-recharges already added, by the UTC month (ISO start) of their period. */
  addedByMonth: Map<string, Micros>;
  /** Scheduled occurrences already executed, by idempotency key. */
  executedKeys: Set<string>;
}

/**
 * The top-ups `policy` calls for at `now`, oldest first: every scheduled
 * occurrence since the policy took effect that has not run yet (so missed
 * periods are caught up after downtime, once each), then a threshold top-up
 * if the balance is below the threshold. The monthly cap trims amounts.
 */
export function planTopUps(
  policy: AutoRechargePolicy,
  state: TopUpState,
  now: Date,
): PlannedTopUp[] {
  if (!policy.enabled) return [];
  const added = new Map(state.addedByMonth);
  const plans: PlannedTopUp[] = [];
  let balance = state.balance;

  const capped = (amount: Micros, at: Date): Micros => {
    if (policy.monthlyCap === undefined) return amount;
    const month = monthStart(at).toISOString();
    const remaining = policy.monthlyCap - (added.get(month) ?? 0n);
    if (remaining <= 0n) return 0n;
    return amount < remaining ? amount : remaining;
  };
  const record = (amount: Micros, at: Date) => {
    const month = monthStart(at).toISOString();
    added.set(month, (added.get(month) ?? 0n) + amount);
    balance += amount;
  };

  if (policy.scheduled) {
    const { schedule, amount } = policy.scheduled;
    for (const at of scheduleOccurrences(schedule, policy.effectiveFrom, now)) {
      const idempotencyKey = `auto-recharge:${
        state.teamId
      }:scheduled:${at.toISOString()}`;
      if (state.executedKeys.has(idempotencyKey)) continue;
      const granted = capped(amount, at);
      if (granted <= 0n) continue;
      record(granted, at);
      plans.push({
        amount: granted,
        at,
        idempotencyKey,
        reason: `Scheduled top-up for ${at.toISOString().slice(0, 10)}`,
      });
    }
  }

  if (policy.threshold && balance < policy.threshold.below) {
    const granted = capped(policy.threshold.topUpTo - balance, now);
    if (granted > 0n) {
      record(granted, now);
      plans.push({
        amount: granted,
        at: now,
        idempotencyKey: `auto-recharge:${state.teamId}:threshold:v${state.version}`,
        reason: 'Balance fell below the auto-recharge threshold',
      });
    }
  }
  return plans;
}
