import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { projectToEntity, teamToEntity } from '../lib/entities';
import { BisonTenancyProcessor } from './BisonTenancyProcessor';

const location = { type: 'bison', target: 'tenancy' };
const mlTeam = {
  name: 'ml-team',
  groupRef: 'group:default/ml-team',
  displayName: 'Machine learning',
};

async function process(entity: Entity) {
  const emitted: CatalogProcessorResult[] = [];
  const result = await new BisonTenancyProcessor().postProcessEntity(
    entity,
    location,
    e => emitted.push(e),
  );
  expect(result).toBe(entity);
  return emitted;
}

describe('BisonTenancyProcessor', () => {
  it('relates a namespace to its tenant: partOf and hasPart', async () => {
    const namespace = projectToEntity(
      {
        name: 'ml-training',
        team: 'ml-team',
        displayName: 'Training',
        phase: 'Active',
      },
      mlTeam,
    );
    expect(await process(namespace)).toEqual([
      {
        type: 'relation',
        relation: {
          source: {
            kind: 'Resource',
            namespace: 'default',
            name: 'namespace-ml-training',
          },
          type: 'partOf',
          target: {
            kind: 'Resource',
            namespace: 'default',
            name: 'tenant-ml-team',
          },
        },
      },
      {
        type: 'relation',
        relation: {
          source: {
            kind: 'Resource',
            namespace: 'default',
            name: 'tenant-ml-team',
          },
          type: 'hasPart',
          target: {
            kind: 'Resource',
            namespace: 'default',
            name: 'namespace-ml-training',
          },
        },
      },
    ]);
  });

  it('targets the hashed name of a tenant whose name is too long', async () => {
    const longName = 'l'.repeat(63);
    const team = { ...mlTeam, name: longName };
    const tenant = teamToEntity(team);
    const namespace = projectToEntity(
      { name: 'ns', team: longName, displayName: 'ns', phase: 'Active' },
      team,
    );
    const [partOf] = await process(namespace);
    expect(partOf).toMatchObject({
      relation: { target: { name: tenant.metadata.name } },
    });
    expect(tenant.metadata.name).toHaveLength(63);
  });

  it('leaves other entities alone', async () => {
    // The tenant resource itself.
    expect(await process(teamToEntity(mlTeam))).toEqual([]);
    // A namespace resource that is not Bison's.
    expect(
      await process({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: 'kube-system' },
        spec: { type: 'kubernetes-namespace', owner: 'group:default/ops' },
      }),
    ).toEqual([]);
    // A component carrying the annotation.
    expect(
      await process({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'model-training',
          annotations: { 'bison.io/tenant': 'ml-team' },
        },
        spec: {
          type: 'kubernetes-namespace',
          owner: 'group:default/ml-team',
          lifecycle: 'production',
        },
      }),
    ).toEqual([]);
  });
});
