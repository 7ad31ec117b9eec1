import { createPermissionRule } from '@backstage/plugin-permission-node';
import { z } from 'zod';
import { bisonTeamResourceRef } from './bisonTeamResourceRef';

/**
 * Allows teams whose Group is one of the given entity refs. Policies pass the
 * user's ownership refs, widened with the groups below them, so that members
 * of a parent group also reach its sub-teams.
 *
 * @public
 */
export const isTeamMember = createPermissionRule({
  name: 'IS_TEAM_MEMBER',
  description: "Allow teams whose Group is one of the user's groups",
  resourceRef: bisonTeamResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('Group entity refs, normally the user ownership refs'),
  }),
  apply: (team, { claims }) => claims.includes(team.groupRef),
  toQuery: ({ claims }) => ({ groupRefs: claims }),
});

/** @public */
export const bisonTeamRules = { isTeamMember };
