import { Entity } from '@backstage/catalog-model';
import { BISON_PROJECT_ANNOTATION } from '@bison/plugin-bison-common';

/**
 * Whether the entity is a Component annotated with the Bison project
 * (namespace) it runs in, `bison.io/project`.
 *
 * @public
 */
export function isBisonProjectAvailable(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    !!entity.metadata.annotations?.[BISON_PROJECT_ANNOTATION]?.trim()
  );
}
