/**
 * Annotation on a catalog Group naming the Capsule tenant the group is bound to.
 *
 * @public
 */
export const BISON_TENANT_ANNOTATION = 'bison.io/tenant';

/**
 * The Capsule tenant of a Group: its `bison.io/tenant` annotation, or else the
 * group's own name.
 *
 * @public
 */
export function tenantNameOfGroup(group: {
  metadata: { name: string; annotations?: Record<string, string> };
}): string {
  return (
    group.metadata.annotations?.[BISON_TENANT_ANNOTATION] || group.metadata.name
  );
}
