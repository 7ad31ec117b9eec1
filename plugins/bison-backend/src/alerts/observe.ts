import { Micros, WalletState } from '@bison/plugin-bison-common';
import { AlertSeverity, ConditionRule } from './rules';

/** What the I/O side read about a team, for the condition rules. */
export interface TeamFacts {
  team: string;
  balance: Micros;
  /** The amount of the last recharge (or auto-recharge); null if none. */
  lastRecharge: Micros | null;
  burnRatePerDay: Micros;
  state: WalletState;
  graceEndsAt: Date | null;
  /** Highest use of any quota resource, in whole percent, per subject. */
  quotaUse: Array<{ subject: string; percent: number }>;
  /** Why the team's last auto-recharge run failed; null when it did not. */
  autoRechargeError: string | null;
}

export interface InstallationFacts {
  billingLagWindows: number;
  /** Windows whose billing failed and is retried. */
  failedWindows: number;
}

/**
 * A condition rule as it stands for one subject (the team, one of its
 * projects, or the installation): `level` 0 when it does not hold, higher
 * when it holds more deeply (a lower percentage level crossed).
 */
export interface Observation {
  subject: string;
  level: number;
  severity: AlertSeverity;
  /** What a message says about it, e.g. { percent: 25 }. */
  details: Record<string, string | number>;
}

const holds = (
  subject: string,
  holding: boolean,
  severity: AlertSeverity,
  details: Observation['details'] = {},
): Observation => ({ subject, level: holding ? 1 : 0, severity, details });

/** How each condition rule stands for a team, by exact integer arithmetic. */
export function observeTeam(
  rule: ConditionRule,
  facts: TeamFacts,
  now: Date,
): Observation[] {
  const { team, balance } = facts;
  switch (rule.kind) {
    case 'low-balance':
      return [holds(team, balance < rule.below, 'warning')];
    case 'low-balance-percent':
      return [percentOfLastRecharge(rule.levels, facts)];
    case 'low-runway': {
      const burn = facts.burnRatePerDay;
      // balance / burn < days, without dividing: days in thousandths.
      const days = BigInt(Math.round(rule.days * 1000));
      return [
        holds(team, burn > 0n && balance * 1000n < burn * days, 'warning', {
          days: rule.days,
        }),
      ];
    }
    case 'overdue':
      return [holds(team, facts.state === 'overdue', 'critical')];
    case 'grace-ending': {
      const ends = facts.graceEndsAt;
      const within =
        facts.state === 'overdue' &&
        ends !== null &&
        ends.getTime() - now.getTime() <= rule.hoursBefore * 3_600_000;
      return [
        holds(team, within, 'critical', { hoursBefore: rule.hoursBefore }),
      ];
    }
    case 'suspended':
      return [holds(team, facts.state === 'suspended', 'critical')];
    case 'quota':
      return facts.quotaUse.map(use =>
        holds(use.subject, use.percent >= rule.percent, 'warning', {
          percent: use.percent,
        }),
      );
    case 'auto-recharge-failed':
      return [
        holds(team, facts.autoRechargeError !== null, 'warning', {
          error: facts.autoRechargeError ?? '',
        }),
      ];
    default:
      return [];
  }
}

/**
 * Levels in percent of the last recharge, deepest first once sorted: below
 * 10 % of it is level 3 of 50/25/10, below 25 % level 2. The deepest level
 * is critical.
 */
function percentOfLastRecharge(
  levels: number[],
  facts: TeamFacts,
): Observation {
  const { team, balance, lastRecharge } = facts;
  const sorted = [...new Set(levels)].sort((a, b) => b - a);
  if (lastRecharge === null || lastRecharge <= 0n) {
    return holds(team, false, 'warning');
  }
  // balance < lastRecharge × percent / 100, in hundredths of a percent.
  const crossed = sorted.filter(
    percent =>
      balance * 10_000n < lastRecharge * BigInt(Math.round(percent * 100)),
  );
  const level = crossed.length;
  return {
    subject: team,
    level,
    severity: level > 0 && level === sorted.length ? 'critical' : 'warning',
    details: level > 0 ? { percent: crossed[level - 1] } : {},
  };
}

/** How the installation-wide condition rules stand. */
export function observeInstallation(
  rule: ConditionRule,
  facts: InstallationFacts,
): Observation[] {
  if (rule.kind === 'billing-lag') {
    return [
      holds(
        'installation',
        facts.billingLagWindows >= rule.windows,
        'warning',
        { windows: facts.billingLagWindows },
      ),
    ];
  }
  if (rule.kind === 'billing-failed') {
    return [
      holds('installation', facts.failedWindows > 0, 'critical', {
        windows: facts.failedWindows,
      }),
    ];
  }
  return [];
}
