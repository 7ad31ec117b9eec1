import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Resource type of Bison teams, for permissions that are checked against
 * one team (conditional decisions can then filter by team).
 *
 * @public
 */
export const BISON_TEAM_RESOURCE_TYPE = 'bison-team';

// Team-scoped (resource) permissions.

/** @public */
export const teamReadPermission = createPermission({
  name: 'bison.team.read',
  attributes: { action: 'read' },
  resourceType: BISON_TEAM_RESOURCE_TYPE,
});

/** @public */
export const teamUpdatePermission = createPermission({
  name: 'bison.team.update',
  attributes: { action: 'update' },
  resourceType: BISON_TEAM_RESOURCE_TYPE,
});

/** @public */
export const teamDeletePermission = createPermission({
  name: 'bison.team.delete',
  attributes: { action: 'delete' },
  resourceType: BISON_TEAM_RESOURCE_TYPE,
});

/** @public */
export const teamSuspendPermission = createPermission({
  name: 'bison.team.suspend',
  attributes: { action: 'update' },
  resourceType: BISON_TEAM_RESOURCE_TYPE,
});

/** @public */
export const projectCreatePermission = createPermission({
  name: 'bison.project.create',
  attributes: { action: 'create' },
  resourceType: BISON_TEAM_RESOURCE_TYPE,
});

/** @public */
export const projectUpdatePermission = createPermission({
  name: 'bison.project.update',
  attributes: { action: 'update' },
  resourceType: BISON_TEAM_RESOURCE_TYPE,
});

/** @public */
export const projectDeletePermission = createPermission({
  name: 'bison.project.delete',
  attributes: { action: 'delete' },
  resourceType: BISON_TEAM_RESOURCE_TYPE,
});

/** @public */
export const walletRechargePermission = createPermission({
  name: 'bison.wallet.recharge',
  attributes: { action: 'update' },
  resourceType: BISON_TEAM_RESOURCE_TYPE,
});

/** @public */
export const walletAdjustPermission = createPermission({
  name: 'bison.wallet.adjust',
  attributes: { action: 'update' },
  resourceType: BISON_TEAM_RESOURCE_TYPE,
});

/** @public */
export const quotaUpdatePermission = createPermission({
  name: 'bison.quota.update',
  attributes: { action: 'update' },
  resourceType: BISON_TEAM_RESOURCE_TYPE,
});

// Global (basic) permissions.

/** @public */
export const teamCreatePermission = createPermission({
  name: 'bison.team.create',
  attributes: { action: 'create' },
});

/** @public */
export const pricingUpdatePermission = createPermission({
  name: 'bison.pricing.update',
  attributes: { action: 'update' },
});

/** @public */
export const alertsManagePermission = createPermission({
  name: 'bison.alerts.manage',
  attributes: { action: 'update' },
});

/** @public */
export const reportsReadPermission = createPermission({
  name: 'bison.reports.read',
  attributes: { action: 'read' },
});

/** @public */
export const billingOperatePermission = createPermission({
  name: 'bison.billing.operate',
  attributes: { action: 'update' },
});

/** @public */
export const nodesReadPermission = createPermission({
  name: 'bison.nodes.read',
  attributes: { action: 'read' },
});

/** @public */
export const nodesManagePermission = createPermission({
  name: 'bison.nodes.manage',
  attributes: { action: 'update' },
});

/**
 * The team-scoped permissions (resource type {@link BISON_TEAM_RESOURCE_TYPE}).
 *
 * @public
 */
export const bisonTeamPermissions = [
  teamReadPermission,
  teamUpdatePermission,
  teamDeletePermission,
  teamSuspendPermission,
  projectCreatePermission,
  projectUpdatePermission,
  projectDeletePermission,
  walletRechargePermission,
  walletAdjustPermission,
  quotaUpdatePermission,
];

/**
 * Every Bison permission not tied to one team.
 *
 * @public
 */
export const bisonBasicPermissions = [
  teamCreatePermission,
  pricingUpdatePermission,
  alertsManagePermission,
  reportsReadPermission,
  billingOperatePermission,
  nodesReadPermission,
  nodesManagePermission,
];

/**
 * Every Bison permission, e.g. for the permission integration router.
 *
 * @public
 */
export const bisonPermissions = [
  ...bisonTeamPermissions,
  ...bisonBasicPermissions,
];
