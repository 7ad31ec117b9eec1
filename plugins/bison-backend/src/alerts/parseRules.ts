import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { formatMoney, parseMoney } from '@bison/plugin-bison-common';
import { z } from 'zod';
import {
  parseField,
  parseWithSchema as parseWith,
} from '../router/fieldErrors';
import { AlertRule, RuleCondition, RuleKind } from './rules';

const percent = z.number().gt(0).lte(100);

/** Each rule kind's thresholds, as written in config and in the API. */
const thresholds = {
  'low-balance': z.object({ below: z.string().min(1) }),
  'low-balance-percent': z.object({
    levels: z.array(percent).min(1).max(10),
  }),
  'low-runway': z.object({ days: z.number().gt(0).lte(365) }),
  overdue: z.object({}),
  'grace-ending': z.object({
    hoursBefore: z
      .number()
      .gt(0)
      .lte(24 * 365),
  }),
  suspended: z.object({}),
  quota: z.object({ percent }),
  'billing-lag': z.object({ windows: z.number().int().min(1).max(10_000) }),
  resumed: z.object({}),
  'auto-recharge-done': z.object({}),
  'auto-recharge-failed': z.object({}),
  'billing-failed': z.object({}),
} as const;

export const RULE_KINDS = Object.keys(thresholds) as RuleKind[];

/** The rules in effect when config says nothing; low-balance needs an amount. */
const DEFAULT_THRESHOLDS: Partial<Record<RuleKind, object>> = {
  'low-balance-percent': { levels: [50, 25, 10] },
  'low-runway': { days: 3 },
  overdue: {},
  'grace-ending': { hoursBefore: 12 },
  suspended: {},
  quota: { percent: 90 },
  'billing-lag': { windows: 3 },
  resumed: {},
  'auto-recharge-done': {},
  'auto-recharge-failed': {},
  'billing-failed': {},
};

const common = z.object({
  enabled: z.boolean().optional(),
  repeatMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .nullable()
    .optional(),
  teams: z.array(z.string().min(1)).nullable().optional(),
  channels: z.array(z.string().min(1)).optional(),
});

/** One rule's kind and thresholds, with the amounts in micros. */
export function parseCondition(
  field: string,
  kind: RuleKind,
  input: unknown,
  minorUnits: number,
): RuleCondition {
  const values = parseWith(field, thresholds[kind] as z.ZodType<any>, input);
  if (kind === 'low-balance') {
    return {
      kind,
      below: parseField(`${field}.below`, () =>
        parseMoney(values.below, { maxDecimals: minorUnits }),
      ),
    };
  }
  return { kind, ...values } as RuleCondition;
}

/**
 * The rules from config `bison.alerts.rules`, one per kind, each merged over
 * its default: `{ quota: { percent: 80 }, resumed: { enabled: false } }`.
 */
export function readAlertRules(
  config: Config,
  minorUnits: number,
): AlertRule[] {
  const section = config.getOptional('bison.alerts.rules') ?? {};
  const byKind = parseWith(
    'bison.alerts.rules',
    z.partialRecord(
      z.enum(RULE_KINDS as [RuleKind, ...RuleKind[]]),
      z.record(z.string(), z.unknown()),
    ),
    section,
  ) as Partial<Record<RuleKind, Record<string, unknown>>>;
  const rules: AlertRule[] = [];
  for (const kind of RULE_KINDS) {
    const written = byKind[kind];
    const defaults = DEFAULT_THRESHOLDS[kind];
    if (!written && !defaults) continue;
    const field = `bison.alerts.rules.${kind}`;
    const { enabled, repeatMinutes, teams, channels, ...rest } = {
      ...defaults,
      ...written,
    } as Record<string, unknown>;
    const options = parseWith(field, common, {
      enabled,
      repeatMinutes,
      teams,
      channels,
    });
    rules.push({
      id: kind,
      condition: parseCondition(field, kind, rest, minorUnits),
      enabled: options.enabled ?? true,
      teams: options.teams ?? null,
      repeatMinutes: options.repeatMinutes ?? null,
      channels: options.channels ?? [],
    });
  }
  return rules;
}

const ruleInput = common.extend({
  id: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]{0,63}$/,
      'must be lower-case letters, digits and dashes, at most 64',
    ),
  kind: z.enum(RULE_KINDS as [RuleKind, ...RuleKind[]]),
  thresholds: z.record(z.string(), z.unknown()).optional(),
});

/** The rules as the API takes them (`PUT /alerts/rules`), each field checked. */
export function parseRuleInputs(
  input: unknown,
  minorUnits: number,
): AlertRule[] {
  const list = parseWith(
    'rules',
    z
      .array(z.unknown())
      .min(1, 'must hold at least one rule; disable rules instead')
      .max(200),
    input,
  );
  const seen = new Set<string>();
  return list.map((item, index) => {
    const field = `rules.${index}`;
    const rule = parseWith(field, ruleInput, item);
    if (seen.has(rule.id)) {
      throw new InputError(`'${field}.id' repeats the id '${rule.id}'`);
    }
    seen.add(rule.id);
    return {
      id: rule.id,
      condition: parseCondition(
        `${field}.thresholds`,
        rule.kind,
        rule.thresholds ?? DEFAULT_THRESHOLDS[rule.kind] ?? {},
        minorUnits,
      ),
      enabled: rule.enabled ?? true,
      teams: rule.teams ?? null,
      repeatMinutes: rule.repeatMinutes ?? null,
      channels: rule.channels ?? [],
    };
  });
}

/** A rule as the API returns it: amounts as decimal strings. */
export function ruleView(rule: AlertRule, minorUnits: number) {
  const { kind, ...values } = rule.condition as Record<string, unknown> & {
    kind: RuleKind;
  };
  if (typeof values.below === 'bigint') {
    values.below = formatMoney(values.below, { decimals: minorUnits });
  }
  return {
    id: rule.id,
    kind,
    thresholds: values,
    enabled: rule.enabled,
    teams: rule.teams,
    repeatMinutes: rule.repeatMinutes,
    channels: rule.channels,
  };
}
