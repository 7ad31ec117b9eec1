import {
  BISON_TEAM_RESOURCE_TYPE,
  bisonPermissions,
  bisonTeamPermissions,
} from './permissions';

describe('permissions', () => {
  const expected: Record<string, [action: string, resourceType?: string]> = {
    'bison.team.read': ['read', 'bison-team'],
    'bison.team.update': ['update', 'bison-team'],
    'bison.team.delete': ['delete', 'bison-team'],
    'bison.team.suspend': ['update', 'bison-team'],
    'bison.project.create': ['create', 'bison-team'],
    'bison.project.update': ['update', 'bison-team'],
    'bison.project.delete': ['delete', 'bison-team'],
    'bison.wallet.recharge': ['update', 'bison-team'],
    'bison.wallet.adjust': ['update', 'bison-team'],
    'bison.quota.update': ['update', 'bison-team'],
    'bison.team.create': ['create'],
    'bison.pricing.update': ['update'],
    'bison.alerts.manage': ['update'],
    'bison.reports.read': ['read'],
    'bison.billing.operate': ['update'],
    'bison.nodes.read': ['read'],
    'bison.nodes.manage': ['update'],
  };

  it('defines every permission once with its action and type', () => {
    expect(BISON_TEAM_RESOURCE_TYPE).toBe('bison-team');
    expect(bisonPermissions.map(p => p.name).sort()).toEqual(
      Object.keys(expected).sort(),
    );
    const actual = Object.fromEntries(
      bisonPermissions.map(permission => [
        permission.name,
        permission.type === 'resource'
          ? [permission.attributes.action, permission.resourceType]
          : [permission.attributes.action],
      ]),
    );
    expect(actual).toEqual(expected);
    expect(
      bisonPermissions.filter(permission => permission.type === 'basic'),
    ).toHaveLength(7);
  });

  it('lists exactly the team-scoped permissions as team permissions', () => {
    expect(bisonTeamPermissions.map(p => p.name).sort()).toEqual(
      Object.entries(expected)
        .filter(([, [, resourceType]]) => resourceType)
        .map(([name]) => name)
        .sort(),
    );
  });
});
