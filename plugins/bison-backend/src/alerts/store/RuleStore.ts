import { Knex } from 'knex';
import { AlertRule, RuleCondition } from '../rules';

interface RuleRow {
  id: string;
  kind: string;
  thresholds: string;
  enabled: boolean | number;
  teams: string | null;
  repeat_minutes: number | null;
  channels: string;
  position: number;
}

/** A condition's thresholds as stored: amounts as micro-unit strings. */
function thresholdsToJson(condition: RuleCondition): string {
  const { kind: _kind, ...thresholds } = condition as Record<string, unknown>;
  return JSON.stringify(thresholds, (_key, value) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
}

function conditionFromRow(row: RuleRow): RuleCondition {
  const thresholds = JSON.parse(row.thresholds);
  if (row.kind === 'low-balance') {
    return { kind: 'low-balance', below: BigInt(thresholds.below) };
  }
  return { kind: row.kind, ...thresholds } as RuleCondition;
}

/** The rules as saved in the app, which replace config's once saved. */
export class RuleStore {
  constructor(private readonly knex: Knex) {}

  /** The saved rules in their order, or undefined if never saved. */
  async savedRules(): Promise<AlertRule[] | undefined> {
    const rows: RuleRow[] = await this.knex('alert_rules').orderBy('position');
    if (rows.length === 0) return undefined;
    return rows.map(row => ({
      id: row.id,
      condition: conditionFromRow(row),
      enabled: Boolean(row.enabled),
      teams: row.teams === null ? null : JSON.parse(row.teams),
      repeatMinutes: row.repeat_minutes,
      channels: JSON.parse(row.channels),
    }));
  }

  /** Replaces every rule at once. */
  async saveRules(rules: AlertRule[], actor: string, now: Date) {
    await this.knex.transaction(async trx => {
      await trx('alert_rules').delete();
      await trx('alert_rules').insert(
        rules.map((rule, position) => ({
          id: rule.id,
          kind: rule.condition.kind,
          thresholds: thresholdsToJson(rule.condition),
          enabled: rule.enabled,
          teams: rule.teams === null ? null : JSON.stringify(rule.teams),
          repeat_minutes: rule.repeatMinutes,
          channels: JSON.stringify(rule.channels),
          position,
          updated_at: now,
          updated_by: actor,
        })),
      );
    });
  }
}
