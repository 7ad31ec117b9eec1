import { BISON_TEAM_RESOURCE_TYPE } from '@bison/plugin-bison-common';
import { createPermissionResourceRef } from '@backstage/plugin-permission-node';

/**
 * What permission rules see of a Bison team.
 *
 * @public
 */
export interface BisonTeamResource {
  /** The team's tenant name; also its permission resource ref. */
  name: string;
  /** Entity ref of the catalog Group the team is bound to. */
  groupRef: string;
}

/**
 * What a conditional decision on teams becomes in the backend's database
 * query: the teams whose Group is one of `groupRefs`.
 *
 * @public
 */
export interface BisonTeamQuery {
  groupRefs: string[];
}

/**
 * Permission resource ref of Bison teams, resource type `bison-team`.
 *
 * @public
 */
export const bisonTeamResourceRef = createPermissionResourceRef<
  BisonTeamResource,
  BisonTeamQuery
>().with({ pluginId: 'bison', resourceType: BISON_TEAM_RESOURCE_TYPE });
