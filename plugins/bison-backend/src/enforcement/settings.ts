import { Micros } from '@bison/plugin-bison-common';

/** The suspension ladder's steps, in the order they are applied. */
export const SUSPENSION_STEPS = [
  'cordon',
  'block-new-pods',
  'scale-workloads',
  'suspend-jobs',
  'delete-bare-pods',
] as const;

export type SuspensionStep = (typeof SUSPENSION_STEPS)[number];

/** Deleting pods cannot be undone, so it runs only when configured. */
export const DEFAULT_SUSPENSION_STEPS: SuspensionStep[] = [
  'cordon',
  'block-new-pods',
  'scale-workloads',
  'suspend-jobs',
];

export type EnforcementMode = 'enforce' | 'warn';

/** What decides a team's wallet state and what suspending it does. */
export interface EnforcementSettings {
  mode: EnforcementMode;
  /** Low below this balance; undefined: no absolute level. */
  lowBalance?: Micros;
  /** Low when the balance lasts fewer days at the burn rate. */
  lowRunwayDays?: number;
  /** How far below zero the balance may go before the team is overdue. */
  creditLimit: Micros;
  /** Time from becoming overdue to suspension. */
  graceHours: number;
  /** A suspended team resumes when its balance reaches this. */
  resumeBalance: Micros;
  steps: SuspensionStep[];
}

/**
 * The installation's settings (`bison.enforcement`). Without a resume level
 * a team resumes once it is no longer overdue.
 */
export type EnforcementDefaults = Omit<EnforcementSettings, 'resumeBalance'> & {
  resumeBalance?: Micros;
};

/** A team's own settings; an undefined field takes the default. */
export type EnforcementOverrides = Partial<EnforcementSettings>;

/** Overdue below this balance. */
export const overdueLevel = (settings: { creditLimit: Micros }): Micros =>
  -settings.creditLimit;

/** The settings in effect for a team. */
export function effectiveSettings(
  defaults: EnforcementDefaults,
  overrides: EnforcementOverrides,
): EnforcementSettings {
  const creditLimit = overrides.creditLimit ?? defaults.creditLimit;
  const resumeBalance =
    overrides.resumeBalance ?? defaults.resumeBalance ?? -creditLimit;
  return {
    mode: overrides.mode ?? defaults.mode,
    lowBalance: overrides.lowBalance ?? defaults.lowBalance,
    lowRunwayDays: overrides.lowRunwayDays ?? defaults.lowRunwayDays,
    creditLimit,
    graceHours: overrides.graceHours ?? defaults.graceHours,
    // Resuming into overdue would start a grace period at once.
    resumeBalance: resumeBalance < -creditLimit ? -creditLimit : resumeBalance,
    steps: overrides.steps ?? defaults.steps,
  };
}
