import {
  CompoundEntityRef,
  DEFAULT_NAMESPACE,
  Entity,
  getCompoundEntityRef,
  RELATION_HAS_PART,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { BISON_TENANT_ANNOTATION } from '@bison/plugin-bison-common';
import { NAMESPACE_RESOURCE_TYPE, tenantEntityName } from '../lib/entities';

/**
 * Relates the namespace `Resource` of a Bison project to its team's tenant
 * `Resource`: the namespace is `partOf` the tenant, the tenant `hasPart` the
 * namespace. Applies to `Resource` entities of type `kubernetes-namespace`
 * carrying the `bison.io/tenant` annotation.
 *
 * @public
 */
export class BisonTenancyProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'BisonTenancyProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (
      entity.kind.toLocaleLowerCase('en-US') !== 'resource' ||
      entity.spec?.type !== NAMESPACE_RESOURCE_TYPE
    ) {
      return entity;
    }
    const tenant = entity.metadata.annotations?.[BISON_TENANT_ANNOTATION];
    if (!tenant) {
      return entity;
    }
    const namespace = getCompoundEntityRef(entity);
    const tenantRef: CompoundEntityRef = {
      kind: 'Resource',
      namespace: DEFAULT_NAMESPACE,
      name: tenantEntityName(tenant),
    };
    emit(
      processingResult.relation({
        source: namespace,
        type: RELATION_PART_OF,
        target: tenantRef,
      }),
    );
    emit(
      processingResult.relation({
        source: tenantRef,
        type: RELATION_HAS_PART,
        target: namespace,
      }),
    );
    return entity;
  }
}
