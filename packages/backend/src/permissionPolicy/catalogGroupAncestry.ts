import { AuthService } from '@backstage/backend-plugin-api';
import {
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  RELATION_CHILD_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { GroupAncestry } from './BisonExamplePolicy';

const CACHE_MILLIS = 60_000;

function parentsOf(group: Entity): string[] {
  const fromRelations = (group.relations ?? [])
    .filter(r => r.type === RELATION_CHILD_OF)
    .map(r => r.targetRef);
  const parent = (group.spec as { parent?: string } | undefined)?.parent;
  const fromSpec = parent
    ? [
        stringifyEntityRef(
          parseEntityRef(parent, {
            defaultKind: 'group',
            defaultNamespace: group.metadata.namespace ?? DEFAULT_NAMESPACE,
          }),
        ),
      ]
    : [];
  return [...fromRelations, ...fromSpec];
}

/**
 * The groups above the given ones in the catalog (parents, their parents,
 * ...), cached for a minute so that permission checks stay fast.
 */
export function catalogGroupAncestry(
  catalog: CatalogService,
  auth: AuthService,
): GroupAncestry {
  const parentsCache = new Map<string, { parents: string[]; at: number }>();

  async function parentsOfRefs(refs: string[]): Promise<Map<string, string[]>> {
    const now = Date.now();
    const result = new Map<string, string[]>();
    const missing: string[] = [];
    for (const ref of refs) {
      const cached = parentsCache.get(ref);
      if (cached && now - cached.at < CACHE_MILLIS)
        result.set(ref, cached.parents);
      else missing.push(ref);
    }
    if (missing.length > 0) {
      const { items } = await catalog.getEntitiesByRefs(
        {
          entityRefs: missing,
          fields: ['kind', 'metadata', 'spec.parent', 'relations'],
        },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      missing.forEach((ref, i) => {
        const entity = items[i];
        const parents =
          entity && entity.kind.toLocaleLowerCase('en-US') === 'group'
            ? parentsOf(entity)
            : [];
        parentsCache.set(ref, { parents, at: now });
        result.set(ref, parents);
      });
    }
    return result;
  }

  return async groupRefs => {
    const seen = new Set(groupRefs);
    const ancestors: string[] = [];
    let frontier = groupRefs.filter(ref => ref.startsWith('group:'));
    while (frontier.length > 0) {
      const parents = await parentsOfRefs(frontier);
      frontier = [];
      for (const list of parents.values()) {
        for (const parent of list) {
          if (!seen.has(parent)) {
            seen.add(parent);
            ancestors.push(parent);
            frontier.push(parent);
          }
        }
      }
    }
    return ancestors;
  };
}
