import {
  BisonCurrency,
  EnforcementMode,
  EnforcementOverrides,
  EnforcementSettings,
  SuspensionStep,
  TeamEnforcement,
} from '../../api';
import { checkAmount } from '../shared/money';
import { SUSPENSION_STEPS } from './steps';

/** One field of the form: the team's own value, or the default. */
export interface FieldState<T> {
  useDefault: boolean;
  value: T;
}

export interface EnforcementForm {
  mode: FieldState<EnforcementMode>;
  lowBalance: FieldState<string>;
  lowRunwayDays: FieldState<string>;
  creditLimit: FieldState<string>;
  graceHours: FieldState<string>;
  resumeBalance: FieldState<string>;
  steps: FieldState<SuspensionStep[]>;
}

export type SettingKey = keyof EnforcementSettings;

export type FormErrors = Partial<Record<SettingKey, string>>;

/** Whether the team has its own value for a setting. */
export function isOwn(overrides: EnforcementOverrides, key: SettingKey) {
  return overrides[key] !== undefined && overrides[key] !== null;
}

/**
 * The form for a team's enforcement: each field starts from the value in
 * effect, the team's own or the default, to edit from.
 */
export function enforcementForm(enforcement: TeamEnforcement): EnforcementForm {
  const { settings, overrides } = enforcement;
  const text = (key: Exclude<SettingKey, 'mode' | 'steps'>) => ({
    useDefault: !isOwn(overrides, key),
    value: String(settings[key] ?? ''),
  });
  return {
    mode: {
      useDefault: !isOwn(overrides, 'mode'),
      value: settings.mode,
    },
    lowBalance: text('lowBalance'),
    lowRunwayDays: text('lowRunwayDays'),
    creditLimit: text('creditLimit'),
    graceHours: text('graceHours'),
    resumeBalance: text('resumeBalance'),
    steps: {
      useDefault: !isOwn(overrides, 'steps'),
      value: settings.steps,
    },
  };
}

type Parsed<T> = { value: T } | { error: string };

function parseAmount(
  text: string,
  currency: BisonCurrency,
  allowNegative = false,
): Parsed<string> {
  const check = checkAmount(text.trim(), currency, {
    allowZero: true,
    allowNegative,
  });
  return check.ok ? { value: text.trim() } : { error: check.message };
}

function parseNumber(text: string): Parsed<number> {
  if (text.trim() === '') return { error: 'enter a number' };
  const value = Number(text);
  return Number.isFinite(value) ? { value } : { error: 'must be a number' };
}

/**
 * The request body of a form: every field, null for those on the default
 * (PUT replaces the team's settings). Ranges are left to the backend, whose
 * message names the field.
 */
export function overridesFromForm(
  form: EnforcementForm,
  currency: BisonCurrency,
): { overrides: EnforcementOverrides } | { errors: FormErrors } {
  const errors: FormErrors = {};
  function field<T, V>(
    key: SettingKey,
    state: FieldState<V>,
    parse: (value: V) => Parsed<T>,
  ): T | null {
    if (state.useDefault) return null;
    const parsed = parse(state.value);
    if ('error' in parsed) {
      errors[key] = parsed.error;
      return null;
    }
    return parsed.value;
  }
  const overrides: EnforcementOverrides = {
    mode: field('mode', form.mode, value => ({ value })),
    lowBalance: field('lowBalance', form.lowBalance, text =>
      parseAmount(text, currency),
    ),
    lowRunwayDays: field('lowRunwayDays', form.lowRunwayDays, parseNumber),
    creditLimit: field('creditLimit', form.creditLimit, text =>
      parseAmount(text, currency),
    ),
    graceHours: field('graceHours', form.graceHours, parseNumber),
    resumeBalance: field('resumeBalance', form.resumeBalance, text =>
      parseAmount(text, currency, true),
    ),
    steps: field('steps', form.steps, steps => ({
      value: SUSPENSION_STEPS.filter(step => steps.includes(step)),
    })),
  };
  return Object.keys(errors).length > 0 ? { errors } : { overrides };
}
