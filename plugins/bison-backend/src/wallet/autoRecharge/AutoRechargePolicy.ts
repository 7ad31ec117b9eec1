import { Micros } from '@bison/plugin-bison-common';

/** A top-up on a calendar schedule (00:00 UTC of the given day). */
export type RechargeSchedule =
  | { every: 'week'; weekday: number /* 1 = Monday ... 7 = Sunday */ }
  | { every: 'month'; dayOfMonth: number /* 1 to 28 */ };

/** How a team's wallet is topped up without a person recharging it. */
export interface AutoRechargePolicy {
  enabled: boolean;
  scheduled?: { schedule: RechargeSchedule; amount: Micros };
  /** When the balance falls below `below`, top it up to `topUpTo`. */
  threshold?: { below: Micros; topUpTo: Micros };
  /** Most that auto-recharges may add in one calendar month (UTC). */
  monthlyCap?: Micros;
  /** Scheduled top-ups are due from this instant on, never before. */
  effectiveFrom: Date;
  updatedAt: Date;
  updatedBy: string;
}
