import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { BisonTeamQuery } from '@bison/plugin-bison-node';
import { Knex } from 'knex';

/**
 * Narrows a query on `teams` by the criteria of a conditional permission
 * decision (any nesting of allOf / anyOf / not over team queries).
 */
export function applyTeamCriteria(
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<BisonTeamQuery>,
): void {
  if ('allOf' in criteria) {
    query.where(q => {
      for (const c of criteria.allOf)
        q.andWhere(sub => applyTeamCriteria(sub, c));
    });
  } else if ('anyOf' in criteria) {
    query.where(q => {
      for (const c of criteria.anyOf)
        q.orWhere(sub => applyTeamCriteria(sub, c));
    });
  } else if ('not' in criteria) {
    query.whereNot(q => applyTeamCriteria(q, criteria.not));
  } else {
    query.whereIn('teams.group_ref', criteria.groupRefs);
  }
}
