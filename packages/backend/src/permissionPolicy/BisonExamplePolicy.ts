import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  BISON_TEAM_RESOURCE_TYPE,
  reportsReadPermission,
  teamReadPermission,
  walletRechargePermission,
  projectCreatePermission,
  projectUpdatePermission,
  projectDeletePermission,
  nodesReadPermission,
} from '@bison/plugin-bison-common';
import {
  bisonTeamConditions,
  createBisonTeamConditionalDecision,
} from '@bison/plugin-bison-node';

/** Reads the parent groups of groups, e.g. from the catalog. */
export type GroupAncestry = (groupRefs: string[]) => Promise<string[]>;

export interface BisonExamplePolicyOptions {
  /** Members of these groups may do everything in Bison. */
  adminGroups: string[];
  /** Members of these groups read every team, recharge wallets and read reports. */
  financeGroups: string[];
  /** Widens a user's groups with the groups above them. */
  ancestry: GroupAncestry;
}

const FINANCE_PERMISSIONS = new Set([
  teamReadPermission.name,
  walletRechargePermission.name,
  reportsReadPermission.name,
]);

const MEMBER_PERMISSIONS = new Set([
  teamReadPermission.name,
  projectCreatePermission.name,
  projectUpdatePermission.name,
  projectDeletePermission.name,
]);

/** Allowed to every signed-in user. */
const EVERYONE_PERMISSIONS = new Set([nodesReadPermission.name]);

/**
 * The example policy of the demo app: admins may do everything, finance
 * recharges and reads every team, members read their own team (a member of
 * a sub-group counts as a member of the groups above it) and manage its
 * projects, and everyone sees the node pools. Permissions of other plugins are allowed.
 */
export class BisonExamplePolicy implements PermissionPolicy {
  private readonly adminGroups: Set<string>;
  private readonly financeGroups: Set<string>;

  constructor(private readonly options: BisonExamplePolicyOptions) {
    this.adminGroups = new Set(options.adminGroups);
    this.financeGroups = new Set(options.financeGroups);
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (!permission.name.startsWith('bison.')) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (EVERYONE_PERMISSIONS.has(permission.name)) {
      return { result: AuthorizeResult.ALLOW };
    }
    const claims = user?.info.ownershipEntityRefs ?? [];
    if (claims.some(ref => this.adminGroups.has(ref))) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (
      claims.some(ref => this.financeGroups.has(ref)) &&
      FINANCE_PERMISSIONS.has(permission.name)
    ) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (
      isResourcePermission(permission, BISON_TEAM_RESOURCE_TYPE) &&
      MEMBER_PERMISSIONS.has(permission.name) &&
      claims.length > 0
    ) {
      const groups = await this.options.ancestry(claims);
      return createBisonTeamConditionalDecision(
        permission,
        bisonTeamConditions.isTeamMember({ claims: [...claims, ...groups] }),
      );
    }
    return { result: AuthorizeResult.DENY };
  }
}
