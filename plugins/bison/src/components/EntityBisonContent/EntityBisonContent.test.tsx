import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { bisonApiRef } from '../../api';
import { EntityBisonContent } from './EntityBisonContent';

const settings = {
  currency: { code: 'USD', symbol: '$', minorUnits: 2 },
  billingWindowMinutes: 60,
};

function renderFor(entity: Entity) {
  return renderInTestApp(
    <TestApiProvider
      apis={[[bisonApiRef, { getSettings: async () => settings }]]}
    >
      <EntityProvider entity={entity}>
        <EntityBisonContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityBisonContent', () => {
  it("shows the group's tenant from its bison.io/tenant annotation", async () => {
    await renderFor({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: 'machine-learning',
        annotations: { 'bison.io/tenant': 'ml-team' },
      },
      spec: { type: 'team', children: [] },
    });
    expect(
      await screen.findByText('group:default/machine-learning'),
    ).toBeInTheDocument();
    expect(screen.getByText('ml-team')).toBeInTheDocument();
    expect(screen.getByText('USD')).toBeInTheDocument();
  });

  it('defaults the tenant to the group name', async () => {
    await renderFor({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'data-team', namespace: 'default' },
      spec: { type: 'team', children: [] },
    });
    expect(await screen.findByText('data-team')).toBeInTheDocument();
  });
});
