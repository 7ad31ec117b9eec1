/**
 * Annotation on a catalog entity, usually a Component, naming the Bison
 * project (Kubernetes namespace) it runs in.
 *
 * @public
 */
export const BISON_PROJECT_ANNOTATION = 'bison.io/project';
