import { Micros, WalletState } from '@bison/plugin-bison-common';
import { EnforcementSettings, overdueLevel } from './settings';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Why a wallet entered a state. */
export type TransitionReason =
  | 'below-low-balance'
  | 'runway-below-limit'
  | 'balance-recovered'
  | 'below-credit-limit'
  | 'grace-expired'
  | 'suspended-by-admin'
  | 'resume-balance-reached'
  | 'resumed-by-admin';

export interface Transition {
  from: WalletState;
  to: WalletState;
  reason: TransitionReason;
}

export type SuspensionTrigger = 'grace-expired' | 'manual';

export interface WalletStateInput {
  state: WalletState;
  balance: Micros;
  /**
   * The balance before the posting being evaluated; undefined when no
   * posting is (the scheduled pass).
   */
  balanceBefore?: Micros;
  overdueSince?: Date;
  /** The open suspension, when the team is suspended. */
  suspension?: { trigger: SuspensionTrigger; held: boolean };
  burnRatePerDay: Micros;
  settings: EnforcementSettings;
  now: Date;
}

export interface WalletStateOutcome {
  state: WalletState;
  overdueSince?: Date;
  /** The transitions from the input's state, in order; empty if unchanged. */
  transitions: Transition[];
}

/** When the grace period of an overdue team ends. */
export function graceEndsAt(
  overdueSince: Date,
  settings: Pick<EnforcementSettings, 'graceHours'>,
): Date {
  return new Date(
    overdueSince.getTime() + Math.round(settings.graceHours * HOUR_MS),
  );
}

/** Why the balance is low, or undefined when it is not. */
function lowReason(
  balance: Micros,
  burnRatePerDay: Micros,
  settings: EnforcementSettings,
): TransitionReason | undefined {
  if (settings.lowBalance !== undefined && balance < settings.lowBalance) {
    return 'below-low-balance';
  }
  if (settings.lowRunwayDays !== undefined && burnRatePerDay > 0n) {
    // Time until overdue, as the run-out forecast counts it, in integer ms.
    const runwayMs =
      ((balance - overdueLevel(settings)) * BigInt(DAY_MS)) / burnRatePerDay;
    if (runwayMs < BigInt(Math.round(settings.lowRunwayDays * DAY_MS))) {
      return 'runway-below-limit';
    }
  }
  return undefined;
}

/**
 * The state a wallet should be in. Pure: the caller persists the outcome.
 *
 * - active / low by the low-balance level or the runway at the burn rate;
 * - overdue below the credit limit: the grace period starts once, at the
 *   first evaluation that finds the team overdue, and is kept by later ones;
 * - suspended when the grace period has expired (passing through overdue).
 *
 * A suspension after the grace period is lifted once the balance reaches
 * the resume level; one by an admin only by a posting that brings the
 * balance up to it; a held one never automatically.
 */
export function evaluateWalletState(
  input: WalletStateInput,
): WalletStateOutcome {
  const { state, balance, settings } = input;
  if (state === 'suspended') {
    const suspension = input.suspension ?? {
      trigger: 'grace-expired',
      held: false,
    };
    const reached = balance >= settings.resumeBalance;
    const broughtUp =
      reached &&
      input.balanceBefore !== undefined &&
      input.balanceBefore < settings.resumeBalance;
    const lifted =
      !suspension.held &&
      (suspension.trigger === 'grace-expired' ? reached : broughtUp);
    if (!lifted) {
      return { state, overdueSince: input.overdueSince, transitions: [] };
    }
    const next = classify(input, undefined);
    return {
      state: next.state,
      overdueSince: next.overdueSince,
      transitions: [
        { from: state, to: next.state, reason: 'resume-balance-reached' },
      ],
    };
  }
  const next = classify(input, input.overdueSince);
  const transitions: Transition[] = [];
  if (next.state !== state) {
    if (next.state === 'suspended' && state !== 'overdue') {
      transitions.push({
        from: state,
        to: 'overdue',
        reason: 'below-credit-limit',
      });
      transitions.push({
        from: 'overdue',
        to: 'suspended',
        reason: next.reason,
      });
    } else {
      transitions.push({ from: state, to: next.state, reason: next.reason });
    }
  }
  return { state: next.state, overdueSince: next.overdueSince, transitions };
}

/** The state by balance alone, with the grace period started at `since`. */
function classify(
  input: WalletStateInput,
  since: Date | undefined,
): { state: WalletState; overdueSince?: Date; reason: TransitionReason } {
  const { balance, settings, now } = input;
  if (balance < overdueLevel(settings)) {
    const overdueSince = since ?? now;
    if (now >= graceEndsAt(overdueSince, settings)) {
      return { state: 'suspended', overdueSince, reason: 'grace-expired' };
    }
    return { state: 'overdue', overdueSince, reason: 'below-credit-limit' };
  }
  const low = lowReason(balance, input.burnRatePerDay, settings);
  if (low) return { state: 'low', reason: low };
  return { state: 'active', reason: 'balance-recovered' };
}

/**
 * The state after an admin lifts a suspension, whatever the balance: an
 * overdue team gets a new grace period from now.
 */
export function stateAfterResume(
  input: Omit<WalletStateInput, 'state' | 'suspension' | 'overdueSince'>,
): { state: WalletState; overdueSince?: Date } {
  const { balance, settings, now } = input;
  if (balance < overdueLevel(settings)) {
    return { state: 'overdue', overdueSince: now };
  }
  return lowReason(balance, input.burnRatePerDay, settings)
    ? { state: 'low' }
    : { state: 'active' };
}
