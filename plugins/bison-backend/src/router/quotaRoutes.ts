import {
  quotaUpdatePermission,
  teamReadPermission,
} from '@bison/plugin-bison-common';
import { ResourceList } from '../kubernetes/types';
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
    let before: ResourceList | undefined;
    await audited(
      ctx,
      req,
      {
        action: 'team-quota-update',
        team,
        meta: { hard },
        summary: () => "Changed the team's quota",
        before: () => ({ hard: before }),
        after: () => ({ hard }),
      },
      () =>
        tenancy.teams.patchOwnedFields(team.name, current => {
          before = current.hard;
          return { ...current, hard };
        }),
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
      {
        action: 'project-quota-update',
        team,
        subject: req.params.project,
        meta: { hard },
        summary: () => `Changed the quota of project ${req.params.project}`,
        after: () => ({ hard }),
      },
      () => tenancy.projects.putQuota(team.name, req.params.project, hard),
    );
    res.json(projectResponse(project));
  });
}
