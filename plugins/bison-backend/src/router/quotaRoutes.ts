import {
  quotaUpdatePermission,
  teamReadPermission,
} from '@bison/plugin-bison-common';
import { requireTenancy } from '../tenancy/Tenancy';
import { parseQuotaInput } from '../tenancy/parseTenancyInput';
import { audited } from './audited';
import { authorizeTeamTenancy } from './authorizeTeamTenancy';
import { projectResponse, teamQuotaResponse } from './tenancyResponses';
import { ApiRouter, RouteContext } from './types';

export function registerQuotaRoutes(router: ApiRouter, ctx: RouteContext) {
  const { httpAuth } = ctx;

  router.get('/resources', async (req, res) => {
    await httpAuth.credentials(req);
    const tenancy = requireTenancy(ctx.tenancy);
    res.json({ items: await tenancy.resources.list() });
  });

  router.get('/teams/:team/quota', async (req, res) => {
    const { team, tenancy } = await authorizeTeamTenancy(
      ctx,
      req,
      teamReadPermission,
    );
    res.json(teamQuotaResponse(await tenancy.reader.readTeam(team.name)));
  });

  router.put('/teams/:team/quota', async (req, res) => {
    const { team, tenancy } = await authorizeTeamTenancy(
      ctx,
      req,
      quotaUpdatePermission,
    );
    const hard = parseQuotaInput(
      'quota',
      req.body,
      await tenancy.resources.list(),
    );
    await audited(
      ctx,
      req,
      'team-quota-update',
      { team: team.name, hard },
      () =>
        tenancy.teams.patchOwnedFields(team.name, current => ({
          ...current,
          hard,
        })),
    );
    res.json(teamQuotaResponse(await tenancy.reader.readTeam(team.name)));
  });

  router.put('/teams/:team/projects/:project/quota', async (req, res) => {
    const { team, tenancy } = await authorizeTeamTenancy(
      ctx,
      req,
      quotaUpdatePermission,
    );
    const hard = parseQuotaInput(
      'quota',
      req.body,
      await tenancy.resources.list(),
    );
    const project = await audited(
      ctx,
      req,
      'project-quota-update',
      { team: team.name, project: req.params.project, hard },
      () => tenancy.projects.putQuota(team.name, req.params.project, hard),
    );
    res.json(projectResponse(project));
  });
}
