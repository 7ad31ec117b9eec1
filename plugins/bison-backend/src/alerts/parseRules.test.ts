import { ConfigReader, JsonValue } from '@backstage/config';
import { readAlertRules } from './parseRules';

const read = (rules: JsonValue) =>
  readAlertRules(new ConfigReader({ bison: { alerts: { rules } } }), 2);

describe('readAlertRules', () => {
  it('has every rule but the absolute low balance by default', () => {
    const rules = readAlertRules(new ConfigReader({}), 2);
    expect(rules.map(r => r.id)).not.toContain('low-balance');
    expect(rules.find(r => r.id === 'low-balance-percent')).toEqual({
      id: 'low-balance-percent',
      condition: { kind: 'low-balance-percent', levels: [50, 25, 10] },
      enabled: true,
      teams: null,
      repeatMinutes: null,
      channels: [],
    });
  });

  it('merges what config writes over the defaults, amounts in micros', () => {
    const rules = read({
      'low-balance': { below: '100.50', repeatMinutes: 240 },
      quota: { percent: 80, teams: ['ml-team'] },
      resumed: { enabled: false },
    });
    expect(rules.find(r => r.id === 'low-balance')).toMatchObject({
      condition: { kind: 'low-balance', below: 100_500_000n },
      repeatMinutes: 240,
    });
    expect(rules.find(r => r.id === 'quota')).toMatchObject({
      condition: { kind: 'quota', percent: 80 },
      teams: ['ml-team'],
    });
    expect(rules.find(r => r.id === 'resumed')?.enabled).toBe(false);
  });

  it.each<[string, JsonValue, RegExp]>([
    [
      'an unknown rule',
      { lowish: {} },
      /'bison\.alerts\.rules' unrecognized key: "lowish"/i,
    ],
    [
      'a percent over 100',
      { quota: { percent: 120 } },
      /'bison\.alerts\.rules\.quota\.percent'/,
    ],
    [
      'no levels',
      { 'low-balance-percent': { levels: [] } },
      /'bison\.alerts\.rules\.low-balance-percent\.levels'/,
    ],
    [
      'too many decimals',
      { 'low-balance': { below: '1.001' } },
      /'bison\.alerts\.rules\.low-balance\.below'/,
    ],
    [
      'a repeat under 5 minutes',
      { overdue: { repeatMinutes: 1 } },
      /'bison\.alerts\.rules\.overdue\.repeatMinutes'/,
    ],
  ])('names the field of %s', (_name, rules, message) => {
    expect(() => read(rules)).toThrow(message);
  });
});
