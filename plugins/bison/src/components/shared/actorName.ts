import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';

/**
 * Who did something, as people read it: 'mia' for user:default/mia, other
 * kinds and namespaces kept ('service:billing', 'user:ops/sam'); what is
 * not an entity ref as sent.
 */
export function actorName(ref: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(ref), { defaultKind: 'user' });
  } catch {
    return ref;
  }
}
