import { Request } from 'express';
import { TeamPermission } from '../permissions/TeamAuthorizer';
import { requireTenancy } from '../tenancy/Tenancy';
import { RouteContext } from './types';

/**
 * For the routes of a team's cluster side: the caller's credentials, the
 * team in the path (404 if unknown, 403 without `permission` on it) and the
 * tenancy (503 without a cluster), in that order, so that permissions are
 * checked before the cluster is touched.
 */
export async function authorizeTeamTenancy(
  ctx: RouteContext,
  req: Request<{ team: string }>,
  permission: TeamPermission,
) {
  const credentials = await ctx.httpAuth.credentials(req);
  const team = await ctx.authorizer.authorizeTeam(
    credentials,
    permission,
    req.params.team,
  );
  return { credentials, team, tenancy: requireTenancy(ctx.tenancy) };
}
