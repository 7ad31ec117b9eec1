export { bisonTeamResourceRef } from './bisonTeamResourceRef';
export type { BisonTeamQuery, BisonTeamResource } from './bisonTeamResourceRef';
export { bisonTeamRules, isTeamMember } from './rules';
export {
  bisonTeamConditions,
  createBisonTeamConditionalDecision,
} from './conditions';
