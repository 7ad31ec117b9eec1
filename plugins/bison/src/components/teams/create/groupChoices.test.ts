import { Entity } from '@backstage/catalog-model';
import { groupChoices } from './groupChoices';

function group(
  name: string,
  extra: {
    annotations?: Record<string, string>;
    title?: string;
    profile?: object;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      namespace: 'default',
      annotations: extra.annotations,
      title: extra.title,
    },
    spec: { type: 'team', children: [], profile: extra.profile },
  };
}

describe('groupChoices', () => {
  it('defaults the team name and display name from the group', () => {
    expect(
      groupChoices(
        [
          group('machine-learning', {
            annotations: { 'bison.io/tenant': 'ml-team' },
            profile: { displayName: 'Machine Learning' },
          }),
          group('data', { title: 'Data Platform' }),
          group('web'),
        ],
        [],
      ),
    ).toEqual([
      {
        ref: 'group:default/data',
        tenantName: 'data',
        displayName: 'Data Platform',
        taken: false,
      },
      {
        ref: 'group:default/machine-learning',
        tenantName: 'ml-team',
        displayName: 'Machine Learning',
        taken: false,
      },
      {
        ref: 'group:default/web',
        tenantName: 'web',
        displayName: 'web',
        taken: false,
      },
    ]);
  });

  it('marks the groups that already have a team', () => {
    const choices = groupChoices(
      [group('web'), group('data')],
      ['group:default/Web'],
    );
    expect(choices.map(choice => [choice.ref, choice.taken])).toEqual([
      ['group:default/data', false],
      ['group:default/web', true],
    ]);
  });
});
