import {
  nodesManagePermission,
  nodesReadPermission,
  teamReadPermission,
} from '@bison/plugin-bison-common';
import { NotFoundError } from '@backstage/errors';
import { requireTenancy } from '../tenancy/Tenancy';
import { audited } from './audited';
import { assertBasicPermission } from './basicPermission';
import { rejectUnknownFields, requireText } from './fieldErrors';
import { nodeResponse } from './tenancyResponses';
import { ApiRouter, RouteContext } from './types';

export function registerNodeRoutes(router: ApiRouter, ctx: RouteContext) {
  const { httpAuth } = ctx;

  router.get('/nodes', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await assertBasicPermission(ctx, credentials, nodesReadPermission);
    const tenancy = requireTenancy(ctx.tenancy);
    res.json({ items: (await tenancy.nodes.list()).map(nodeResponse) });
  });

  router.post('/nodes/:node/assign', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await assertBasicPermission(ctx, credentials, nodesManagePermission);
    const tenancy = requireTenancy(ctx.tenancy);
    rejectUnknownFields(req.body, ['team']);
    const teamName = requireText('team', req.body.team);
    const team = await ctx.teams.getTeam(teamName);
    if (!team) throw new NotFoundError(`'team': no team '${teamName}'`);
    await ctx.authorizer.assertAllowed(credentials, teamReadPermission, team);
    const node = await audited(
      ctx,
      req,
      {
        action: 'node-assign',
        team,
        subject: req.params.node,
        summary: () => `Assigned node ${req.params.node} to ${team.name}`,
      },
      () => tenancy.nodes.assign(req.params.node, team.name),
    );
    res.json(nodeResponse(node));
  });

  router.post('/nodes/:node/release', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await assertBasicPermission(ctx, credentials, nodesManagePermission);
    const tenancy = requireTenancy(ctx.tenancy);
    const node = await audited(
      ctx,
      req,
      {
        action: 'node-release',
        subject: req.params.node,
        summary: () => `Released node ${req.params.node}`,
      },
      () => tenancy.nodes.release(req.params.node),
    );
    res.json(nodeResponse(node));
  });
}
