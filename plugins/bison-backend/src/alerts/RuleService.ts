import { AlertRule } from './rules';
import { parseRuleInputs, ruleView } from './parseRules';
import { RuleStore } from './store/RuleStore';
import { InputError } from '@backstage/errors';

/** The rules in effect: config's defaults until rules are saved in the app. */
export class RuleService {
  constructor(
    private readonly store: RuleStore,
    private readonly configured: AlertRule[],
    private readonly minorUnits: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async effectiveRules(): Promise<AlertRule[]> {
    return (await this.store.savedRules()) ?? this.configured;
  }

  async view() {
    const saved = await this.store.savedRules();
    return {
      source: saved ? ('saved' as const) : ('config' as const),
      rules: (saved ?? this.configured).map(rule =>
        ruleView(rule, this.minorUnits),
      ),
    };
  }

  /**
   * Replaces the rules. `channelExists` says whether an id names a global
   * channel, the only ones rules route to.
   */
  async replace(
    input: unknown,
    channelExists: (id: string) => boolean,
    actor: string,
  ) {
    const rules = parseRuleInputs(input, this.minorUnits);
    rules.forEach((rule, index) =>
      rule.channels.forEach((id, position) => {
        if (!channelExists(id)) {
          throw new InputError(
            `'rules.${index}.channels.${position}' is not a global alert channel: ${id}`,
          );
        }
      }),
    );
    await this.store.saveRules(rules, actor, this.clock());
    return this.view();
  }
}
