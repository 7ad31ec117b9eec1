import { createConditionExports } from '@backstage/plugin-permission-node';
import { bisonTeamResourceRef } from './bisonTeamResourceRef';
import { bisonTeamRules } from './rules';

const teamConditionExports = createConditionExports({
  resourceRef: bisonTeamResourceRef,
  rules: bisonTeamRules,
});

/**
 * Conditions on Bison teams for permission policies, e.g.
 * `bisonTeamConditions.isTeamMember({ claims: ownershipEntityRefs })`.
 *
 * @public
 */
export const bisonTeamConditions = teamConditionExports.conditions;

/**
 * Builds a conditional decision on a Bison team permission.
 *
 * @public
 */
export const createBisonTeamConditionalDecision =
  teamConditionExports.createConditionalDecision;
