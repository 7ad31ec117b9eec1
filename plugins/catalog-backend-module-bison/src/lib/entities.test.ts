import {
  KubernetesValidatorFunctions,
  resourceEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import {
  BisonProject,
  BisonTeam,
  namespaceEntityName,
  prefixedEntityName,
  projectToEntity,
  tenancyToEntities,
  teamToEntity,
  tenantEntityName,
  tenantEntityRef,
} from './entities';

const mlTeam: BisonTeam = {
  name: 'ml-team',
  groupRef: 'group:default/ml-team',
  displayName: 'Machine learning',
  description: 'Trains and serves models on the GPU pool',
};

const training: BisonProject = {
  name: 'ml-training',
  team: 'ml-team',
  displayName: 'Training',
  description: 'Training jobs',
  phase: 'Active',
};

describe('teamToEntity', () => {
  it('maps a team to a capsule-tenant Resource owned by its Group', async () => {
    const entity = teamToEntity(mlTeam);
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'tenant-ml-team',
        namespace: 'default',
        title: 'Machine learning (tenant)',
        description: 'Trains and serves models on the GPU pool',
        annotations: {
          'backstage.io/managed-by-location': 'bison:tenancy',
          'backstage.io/managed-by-origin-location': 'bison:tenancy',
          'bison.io/tenant': 'ml-team',
        },
      },
      spec: { type: 'capsule-tenant', owner: 'group:default/ml-team' },
    });
    await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(
      true,
    );
  });

  it('leaves out a missing description and falls back to the name for the title', () => {
    const entity = teamToEntity({
      name: 'data-team',
      groupRef: 'group:default/data-team',
      displayName: '',
    });
    expect(entity.metadata).not.toHaveProperty('description');
    expect(entity.metadata.title).toBe('data-team (tenant)');
  });
});

describe('projectToEntity', () => {
  it('maps a project to a kubernetes-namespace Resource depending on its tenant', async () => {
    const entity = projectToEntity(training, mlTeam);
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'namespace-ml-training',
        namespace: 'default',
        title: 'Training',
        description: 'Training jobs',
        annotations: {
          'backstage.io/managed-by-location': 'bison:tenancy',
          'backstage.io/managed-by-origin-location': 'bison:tenancy',
          'bison.io/tenant': 'ml-team',
          'bison.io/project': 'ml-training',
          'backstage.io/kubernetes-namespace': 'ml-training',
        },
      },
      spec: {
        type: 'kubernetes-namespace',
        owner: 'group:default/ml-team',
        dependsOn: ['resource:default/tenant-ml-team'],
      },
    });
    await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(
      true,
    );
  });
});

describe('tenancyToEntities', () => {
  it('maps every team, then the projects of known teams', () => {
    const dataTeam: BisonTeam = {
      name: 'data-team',
      groupRef: 'group:default/data-team',
      displayName: 'Data',
    };
    const { entities, skippedProjects } = tenancyToEntities(
      [mlTeam, dataTeam],
      [
        training,
        { ...training, name: 'etl', team: 'data-team', displayName: 'ETL' },
        { ...training, name: 'orphan', team: 'gone-team' },
      ],
    );
    expect(
      entities.map(e => [e.metadata.name, e.spec.type, e.spec.owner]),
    ).toEqual([
      ['tenant-ml-team', 'capsule-tenant', 'group:default/ml-team'],
      ['tenant-data-team', 'capsule-tenant', 'group:default/data-team'],
      [
        'namespace-ml-training',
        'kubernetes-namespace',
        'group:default/ml-team',
      ],
      ['namespace-etl', 'kubernetes-namespace', 'group:default/data-team'],
    ]);
    expect(entities[3].spec.dependsOn).toEqual([
      'resource:default/tenant-data-team',
    ]);
    expect(skippedProjects).toEqual(['orphan']);
  });

  it('maps empty lists to no entities', () => {
    expect(tenancyToEntities([], [])).toEqual({
      entities: [],
      skippedProjects: [],
    });
  });
});

describe('entity names', () => {
  // The longest DNS-1123 label: tenant and namespace names go up to 63.
  const longName = `a${'b'.repeat(61)}c`;

  it('prefixes names that fit', () => {
    expect(tenantEntityName('ml-team')).toBe('tenant-ml-team');
    expect(namespaceEntityName('ml-training')).toBe('namespace-ml-training');
    expect(tenantEntityRef('ml-team')).toBe('resource:default/tenant-ml-team');
  });

  it('keeps a prefixed name of exactly 63 characters as it is', () => {
    const name = 'x'.repeat(63 - 'tenant-'.length);
    expect(tenantEntityName(name)).toBe(`tenant-${name}`);
    expect(tenantEntityName(name)).toHaveLength(63);
  });

  it('truncates longer names and appends a stable hash', () => {
    const name = tenantEntityName(longName);
    expect(name).toHaveLength(63);
    expect(name).toMatch(/^tenant-abbbb+-[0-9a-f]{8}$/);
    expect(KubernetesValidatorFunctions.isValidObjectName(name)).toBe(true);
    // Stable across calls, so the catalog sees the same entity every refresh.
    expect(tenantEntityName(longName)).toBe(name);
    expect(namespaceEntityName(longName)).toMatch(
      /^namespace-abbbb+-[0-9a-f]{8}$/,
    );
    expect(namespaceEntityName(longName)).toHaveLength(63);
  });

  it('keeps names sharing a long prefix distinct', () => {
    const a = `${'a'.repeat(60)}-one`;
    const b = `${'a'.repeat(60)}-two`;
    expect(namespaceEntityName(a)).not.toBe(namespaceEntityName(b));
    expect(namespaceEntityName(a).slice(0, 54)).toBe(
      namespaceEntityName(b).slice(0, 54),
    );
  });

  it('does not leave a separator before the hash', () => {
    // The cut falls right after a dash: it is dropped rather than doubled.
    const name = `${'a'.repeat(46)}-${'b'.repeat(20)}`;
    const entityName = tenantEntityName(name);
    expect(entityName).toMatch(/^tenant-a{46}-[0-9a-f]{8}$/);
    expect(KubernetesValidatorFunctions.isValidObjectName(entityName)).toBe(
      true,
    );
  });

  it('replaces characters that entity names do not allow', () => {
    const entityName = prefixedEntityName('tenant', 'Team With Spaces/ü');
    expect(entityName).toMatch(/^tenant-Team-With-Spaces-[0-9a-f]{8}$/);
    expect(KubernetesValidatorFunctions.isValidObjectName(entityName)).toBe(
      true,
    );
    expect(prefixedEntityName('tenant', 'Team With Spaces/ö')).not.toBe(
      entityName,
    );
  });

  it('gives long tenants a dependsOn ref matching the tenant entity', () => {
    const team = { ...mlTeam, name: longName };
    const tenant = teamToEntity(team);
    const namespace = projectToEntity({ ...training, team: longName }, team);
    expect(namespace.spec.dependsOn).toEqual([
      `resource:default/${tenant.metadata.name}`,
    ]);
  });
});
