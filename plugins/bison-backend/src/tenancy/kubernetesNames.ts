/** Labels, annotations and names Bison writes on cluster objects. */

/** Capsule's label naming the tenant of a namespace. */
export const TENANT_LABEL = 'capsule.clastix.io/tenant';

export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY_BISON = 'bison';

/** Node label and taint key, and Tenant nodeSelector key, of node pools. */
export const POOL_LABEL = 'bison.io/pool';

/**
 * Namespace annotation of the PodTolerationRestriction admission plugin:
 * tolerations added to every pod of the namespace.
 */
export const DEFAULT_TOLERATIONS_ANNOTATION =
  'scheduler.alpha.kubernetes.io/defaultTolerations';

export const GROUP_ANNOTATION = 'bison.io/group';
export const DISPLAY_NAME_ANNOTATION = 'bison.io/display-name';
export const DESCRIPTION_ANNOTATION = 'bison.io/description';

/** The Tenant fields Bison last wrote, to detect changes made outside it. */
export const APPLIED_ANNOTATION = 'bison.io/applied';

/** The ResourceQuota holding a project's own quota. */
export const PROJECT_QUOTA_NAME = 'bison-project';

export const managedBySelector = `${MANAGED_BY_LABEL}=${MANAGED_BY_BISON}`;
