import {
  projectCreatePermission,
  projectDeletePermission,
  projectUpdatePermission,
  quotaUpdatePermission,
  teamReadPermission,
} from '@bison/plugin-bison-common';
import { ResourceList } from '../kubernetes/types';
import { requireTenancy } from '../tenancy/Tenancy';
import {
  parseKubernetesName,
  parseQuotaInput,
} from '../tenancy/parseTenancyInput';
import { ProjectDetails } from '../tenancy/projects/projectNamespace';
import { audited } from './audited';
import { authorizeTeamTenancy } from './authorizeTeamTenancy';
import { rejectUnknownFields, requireText } from './fieldErrors';
import { projectResponse } from './tenancyResponses';
import { ApiRouter, RouteContext } from './types';

function parseDetails(body: Record<string, any>): ProjectDetails {
  return {
    ...(body.displayName !== undefined
      ? { displayName: requireText('displayName', body.displayName) }
      : {}),
    ...(body.description !== undefined
      ? { description: String(body.description).trim() }
      : {}),
  };
}

export function registerProjectRoutes(router: ApiRouter, ctx: RouteContext) {
  const { httpAuth, authorizer, teams } = ctx;

  router.get('/projects', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    // Without a cluster there are no projects (and the catalog asks often).
    if (!ctx.tenancy) {
      res.json({ items: [] });
      return;
    }
    const tenancy = ctx.tenancy;
    const filter = await authorizer.teamFilter(credentials, teamReadPermission);
    const list =
      filter === 'none'
        ? []
        : await teams.listTeams(filter === 'all' ? undefined : filter);
    const state = await tenancy.reader.readTeams(list.map(team => team.name));
    res.json({
      items: [...state.values()].flatMap(team =>
        team.projects.map(projectResponse),
      ),
    });
  });

  router.get('/projects/:project', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const tenancy = requireTenancy(ctx.tenancy);
    const project = await tenancy.projects.find(req.params.project);
    await authorizer.authorizeTeam(
      credentials,
      teamReadPermission,
      project.team,
    );
    res.json(projectResponse(project));
  });

  router.get('/teams/:team/projects', async (req, res) => {
    const { team, tenancy } = await authorizeTeamTenancy(
      ctx,
      req,
      teamReadPermission,
    );
    const state = await tenancy.reader.readTeam(team.name);
    res.json({ items: state.projects.map(projectResponse) });
  });

  router.post('/teams/:team/projects', async (req, res) => {
    const { credentials, team, tenancy } = await authorizeTeamTenancy(
      ctx,
      req,
      projectCreatePermission,
    );
    const body = req.body;
    rejectUnknownFields(body, ['name', 'displayName', 'description', 'quota']);
    const name = parseKubernetesName(
      'name',
      body.name,
      tenancy.systemNamespace,
    );
    const details = parseDetails(body);
    let hard: ResourceList | undefined;
    if (body.quota !== undefined) {
      await authorizer.assertAllowed(credentials, quotaUpdatePermission, team);
      hard = parseQuotaInput(
        'quota',
        body.quota,
        await tenancy.resources.list(),
      );
    }
    const project = await audited(
      ctx,
      req,
      {
        action: 'project-create',
        team,
        subject: name,
        summary: () => `Created project ${name}`,
        after: () => ({ ...details, ...(hard ? { hard } : {}) }),
      },
      () => tenancy.projects.create(team.name, name, details, hard),
    );
    res.status(201).json(projectResponse(project));
  });

  router.get('/teams/:team/projects/:project', async (req, res) => {
    const { team, tenancy } = await authorizeTeamTenancy(
      ctx,
      req,
      teamReadPermission,
    );
    res.json(
      projectResponse(
        await tenancy.projects.get(team.name, req.params.project),
      ),
    );
  });

  router.patch('/teams/:team/projects/:project', async (req, res) => {
    const { team, tenancy } = await authorizeTeamTenancy(
      ctx,
      req,
      projectUpdatePermission,
    );
    rejectUnknownFields(req.body, ['displayName', 'description']);
    const details = parseDetails(req.body);
    const project = await audited(
      ctx,
      req,
      {
        action: 'project-update',
        team,
        subject: req.params.project,
        summary: () => `Changed project ${req.params.project}`,
        after: () => details,
      },
      () => tenancy.projects.update(team.name, req.params.project, details),
    );
    res.json(projectResponse(project));
  });

  router.delete('/teams/:team/projects/:project', async (req, res) => {
    const { team, tenancy } = await authorizeTeamTenancy(
      ctx,
      req,
      projectDeletePermission,
    );
    await audited(
      ctx,
      req,
      {
        action: 'project-delete',
        team,
        subject: req.params.project,
        summary: () => `Deleted project ${req.params.project}`,
      },
      () => tenancy.projects.delete(team.name, req.params.project),
    );
    res.status(204).end();
  });
}
