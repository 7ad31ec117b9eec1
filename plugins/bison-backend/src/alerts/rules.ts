import { Micros } from '@bison/plugin-bison-common';

/** How loud an alert is; channels map it to their own levels. */
export type AlertSeverity = 'info' | 'warning' | 'critical';

/**
 * Rules on a condition that holds for a while: they fire when it starts to
 * hold (or holds at a deeper level), may repeat while it holds, and resolve
 * once when it clears.
 */
export type ConditionRule =
  /** The balance is below an absolute amount. */
  | { kind: 'low-balance'; below: Micros }
  /** The balance is below these percentages of the last recharge, e.g. 50/25/10. */
  | { kind: 'low-balance-percent'; levels: number[] }
  /** The balance lasts fewer days at the current burn rate. */
  | { kind: 'low-runway'; days: number }
  | { kind: 'overdue' }
  /** The grace period ends within this many hours. */
  | { kind: 'grace-ending'; hoursBefore: number }
  | { kind: 'suspended' }
  /** A team's or project's quota is used to this percentage or more, on any resource. */
  | { kind: 'quota'; percent: number }
  /** The team's last auto-recharge run failed. */
  | { kind: 'auto-recharge-failed' }
  /** Billing is this many windows or more behind (an admin alert). */
  | { kind: 'billing-lag'; windows: number }
  /** Some billing windows failed and wait to be billed again (an admin alert). */
  | { kind: 'billing-failed' };

/** Rules on something that happened: each occurrence is sent once. */
export type EventRule = {
  kind: 'resumed' | 'auto-recharge-done';
};

export type RuleCondition = ConditionRule | EventRule;
export type RuleKind = RuleCondition['kind'];

export interface AlertRule {
  id: string;
  condition: RuleCondition;
  enabled: boolean;
  /** Only these teams (tenant names); all teams when null. */
  teams: string[] | null;
  /** Minutes between repeats while a condition holds; null: never repeat. */
  repeatMinutes: number | null;
  /** Ids of the channels it is sent to, beside Backstage notifications. */
  channels: string[];
}
