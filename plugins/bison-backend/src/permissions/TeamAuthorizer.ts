import {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  PermissionCriteria,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  createConditionTransformer,
} from '@backstage/plugin-permission-node';
import {
  BISON_TEAM_RESOURCE_TYPE,
  bisonBasicPermissions,
  bisonTeamPermissions,
} from '@bison/plugin-bison-common';
import {
  BisonTeamQuery,
  BisonTeamResource,
  bisonTeamResourceRef,
  bisonTeamRules,
} from '@bison/plugin-bison-node';
import { Team, TeamStore } from '../tenancy/TeamStore';
import { DecisionCache } from './DecisionCache';

export type TeamPermission = ResourcePermission<
  typeof BISON_TEAM_RESOURCE_TYPE
>;

/**
 * Permission checks on teams. Conditional decisions are evaluated here, in
 * SQL for lists and in memory for one team, instead of round-tripping to the
 * permission backend for each resource.
 */
export class TeamAuthorizer {
  private readonly isAllowed: (
    decision: Parameters<ReturnType<typeof createConditionAuthorizer>>[0],
    team: BisonTeamResource,
  ) => boolean;
  private readonly toFilter: ReturnType<
    typeof createConditionTransformer<BisonTeamQuery>
  >;

  private readonly conditionalOutcomes = new WeakMap<
    PolicyDecision,
    Map<string, boolean>
  >();
  private readonly decisions: DecisionCache<
    Awaited<ReturnType<PermissionsService['authorizeConditional']>>[number]
  >;

  constructor(
    private readonly permissions: PermissionsService,
    registry: PermissionsRegistryService,
    private readonly teams: TeamStore,
    options: { decisionCacheMillis: number },
  ) {
    this.decisions = new DecisionCache(options.decisionCacheMillis);
    registry.addResourceType({
      resourceRef: bisonTeamResourceRef,
      permissions: bisonTeamPermissions,
      rules: Object.values(bisonTeamRules),
      getResources: async names => {
        const found = await teams.getTeamsByName(names);
        return names.map(name => found.find(team => team.name === name));
      },
    });
    registry.addPermissions(bisonBasicPermissions);
    const ruleset = registry.getPermissionRuleset(bisonTeamResourceRef);
    this.isAllowed = createConditionAuthorizer(ruleset);
    this.toFilter = createConditionTransformer(ruleset);
  }

  /**
   * The live team `name` if the caller holds `permission` on it. Unknown
   * teams are 404, teams the caller may not act on 403.
   */
  async authorizeTeam(
    credentials: BackstageCredentials,
    permission: TeamPermission,
    name: string,
  ): Promise<Team> {
    const team = await this.teams.getTeam(name);
    if (!team) throw new NotFoundError(`team '${name}' not found`);
    await this.assertAllowed(credentials, permission, team);
    return team;
  }

  /** Throws NotAllowedError unless the caller holds `permission` on `team`. */
  async assertAllowed(
    credentials: BackstageCredentials,
    permission: TeamPermission,
    team: Team,
  ): Promise<void> {
    const decision = await this.decide(credentials, permission);
    if (!this.allows(decision, team)) {
      throw new NotAllowedError(
        `not allowed to ${permission.name} on team '${team.name}'`,
      );
    }
  }

  /**
   * Which teams the caller may act on with `permission`: all, none, or those
   * matching the returned criteria.
   */
  async teamFilter(
    credentials: BackstageCredentials,
    permission: TeamPermission,
  ): Promise<'all' | 'none' | PermissionCriteria<BisonTeamQuery>> {
    const decision = await this.decide(credentials, permission);
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      return this.toFilter(decision.conditions);
    }
    return decision.result === AuthorizeResult.ALLOW ? 'all' : 'none';
  }

  /** The ids of the teams the caller holds `permission` on, or all. */
  async teamIds(
    credentials: BackstageCredentials,
    permission: TeamPermission,
  ): Promise<'all' | string[]> {
    const filter = await this.teamFilter(credentials, permission);
    if (filter === 'all') return 'all';
    if (filter === 'none') return [];
    return (await this.teams.listTeams(filter)).map(team => team.id);
  }

  /** Applies a decision to a team; conditional outcomes are remembered with the decision. */
  private allows(decision: PolicyDecision, team: Team): boolean {
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      return decision.result === AuthorizeResult.ALLOW;
    }
    let outcomes = this.conditionalOutcomes.get(decision);
    if (!outcomes) {
      outcomes = new Map();
      this.conditionalOutcomes.set(decision, outcomes);
    }
    let allowed = outcomes.get(team.id);
    if (allowed === undefined) {
      allowed = this.isAllowed(decision, team);
      outcomes.set(team.id, allowed);
    }
    return allowed;
  }

  private async decide(
    credentials: BackstageCredentials,
    permission: TeamPermission,
  ) {
    const load = async () =>
      (
        await this.permissions.authorizeConditional([{ permission }], {
          credentials,
        })
      )[0];
    const principal = credentials.principal as { userEntityRef?: string };
    if (!principal.userEntityRef) return load();
    return this.decisions.get(
      `${principal.userEntityRef}|${permission.name}`,
      load,
    );
  }
}
