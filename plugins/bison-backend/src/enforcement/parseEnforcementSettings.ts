import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { parseMoney } from '@bison/plugin-bison-common';
import { parseField } from '../router/fieldErrors';
import {
  DEFAULT_SUSPENSION_STEPS,
  EnforcementDefaults,
  EnforcementMode,
  EnforcementOverrides,
  SUSPENSION_STEPS,
  SuspensionStep,
} from './settings';

const MAX_GRACE_HOURS = 24 * 365;
const MAX_RUNWAY_DAYS = 365;

/**
 * Field parsers shared by the config reader and the API: each throws an
 * InputError naming the field.
 */
const parsers = {
  mode(field: string, value: unknown): EnforcementMode {
    if (value !== 'enforce' && value !== 'warn') {
      throw new InputError(`'${field}' must be 'enforce' or 'warn'`);
    }
    return value;
  },
  amount(
    field: string,
    value: unknown,
    minorUnits: number,
    allowNegative = false,
  ) {
    return parseField(field, () =>
      parseMoney(String(value), { maxDecimals: minorUnits, allowNegative }),
    );
  },
  number(
    field: string,
    value: unknown,
    min: number,
    max: number,
    minIncluded = true,
  ) {
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (minIncluded ? value >= min : value > min) &&
      value <= max;
    if (!ok) {
      throw new InputError(
        `'${field}' must be a number ${minIncluded ? 'from' : 'above'} ${min} ${
          minIncluded ? 'to' : 'up to'
        } ${max}`,
      );
    }
    return value as number;
  },
  steps(field: string, value: unknown): SuspensionStep[] {
    if (!Array.isArray(value)) {
      throw new InputError(`'${field}' must be a list of suspension steps`);
    }
    for (const step of value) {
      if (!SUSPENSION_STEPS.includes(step)) {
        throw new InputError(
          `'${field}' has an unknown step '${step}'; known steps are ${SUSPENSION_STEPS.join(
            ', ',
          )}`,
        );
      }
    }
    // Stored in ladder order, without repeats.
    return SUSPENSION_STEPS.filter(step => value.includes(step));
  },
};

/**
 * A team's own settings from a request body: every field optional, null
 * meaning the default. Checks what only the merged settings can tell (a
 * resume level below the credit limit) against the default credit limit
 * when the body sets none.
 */
export function parseOverrides(
  body: Record<string, unknown>,
  minorUnits: number,
  defaultCreditLimit: bigint,
): EnforcementOverrides {
  const present = (key: string) =>
    body[key] !== undefined && body[key] !== null;
  const overrides: EnforcementOverrides = {};
  if (present('mode')) overrides.mode = parsers.mode('mode', body.mode);
  if (present('lowBalance')) {
    overrides.lowBalance = parsers.amount(
      'lowBalance',
      body.lowBalance,
      minorUnits,
    );
  }
  if (present('lowRunwayDays')) {
    overrides.lowRunwayDays = parsers.number(
      'lowRunwayDays',
      body.lowRunwayDays,
      0,
      MAX_RUNWAY_DAYS,
      false,
    );
  }
  if (present('creditLimit')) {
    overrides.creditLimit = parsers.amount(
      'creditLimit',
      body.creditLimit,
      minorUnits,
    );
  }
  if (present('graceHours')) {
    overrides.graceHours = parsers.number(
      'graceHours',
      body.graceHours,
      0,
      MAX_GRACE_HOURS,
    );
  }
  if (present('resumeBalance')) {
    overrides.resumeBalance = parsers.amount(
      'resumeBalance',
      body.resumeBalance,
      minorUnits,
      true,
    );
    const creditLimit = overrides.creditLimit ?? defaultCreditLimit;
    if (overrides.resumeBalance < -creditLimit) {
      throw new InputError(
        "'resumeBalance' must not be below the credit limit: a team would resume overdue",
      );
    }
  }
  if (present('steps')) overrides.steps = parsers.steps('steps', body.steps);
  return overrides;
}

/** Reads `bison.enforcement`, failing start-up on bad values. */
export function readEnforcementSettings(
  config: Config,
  minorUnits: number,
): EnforcementDefaults {
  const section = config.getOptionalConfig('bison.enforcement');
  const read = <T>(key: string, parse: (field: string, value: unknown) => T) =>
    section?.has(key)
      ? parse(`bison.enforcement.${key}`, section.get(key))
      : undefined;
  const creditLimit =
    read('creditLimit', (f, v) => parsers.amount(f, v, minorUnits)) ?? 0n;
  const resumeBalance = read('resumeBalance', (f, v) =>
    parsers.amount(f, v, minorUnits, true),
  );
  if (resumeBalance !== undefined && resumeBalance < -creditLimit) {
    throw new Error(
      'bison.enforcement.resumeBalance must not be below the credit limit: a team would resume overdue',
    );
  }
  return {
    mode: read('mode', parsers.mode) ?? 'warn',
    lowBalance: read('lowBalance', (f, v) => parsers.amount(f, v, minorUnits)),
    lowRunwayDays:
      read('lowRunwayDays', (f, v) =>
        parsers.number(f, v, 0, MAX_RUNWAY_DAYS, false),
      ) ?? 3,
    creditLimit,
    graceHours:
      read('graceHours', (f, v) => parsers.number(f, v, 0, MAX_GRACE_HOURS)) ??
      72,
    resumeBalance,
    steps: read('steps', parsers.steps) ?? DEFAULT_SUSPENSION_STEPS,
  };
}
