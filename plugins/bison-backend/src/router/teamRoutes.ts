import { InputError, NotAllowedError } from '@backstage/errors';
import {
  isGroupEntity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  teamCreatePermission,
  teamReadPermission,
  tenantNameProblem,
} from '@bison/plugin-bison-common';
import { actorOf } from './actor';
import { rejectUnknownFields, requireText } from './fieldErrors';
import { teamResponse } from './responses';
import { ApiRouter, RouteContext } from './types';

export function registerTeamRoutes(router: ApiRouter, ctx: RouteContext) {
  const { httpAuth, authorizer, teams, walletStore, settings } = ctx;

  router.get('/teams', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const filter = await authorizer.teamFilter(credentials, teamReadPermission);
    const list =
      filter === 'none'
        ? []
        : await teams.listTeams(filter === 'all' ? undefined : filter);
    const wallets = await walletStore.getWallets(list.map(team => team.id));
    res.json({
      items: list.map(team =>
        teamResponse(team, wallets.get(team.id), settings),
      ),
    });
  });

  router.get('/teams/:team', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const team = await authorizer.authorizeTeam(
      credentials,
      teamReadPermission,
      req.params.team,
    );
    res.json(
      teamResponse(team, await walletStore.getWallet(team.id), settings),
    );
  });

  router.post('/teams', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await ctx.permissions.authorize(
      [{ permission: teamCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('not allowed to create teams');
    }

    rejectUnknownFields(req.body, [
      'name',
      'groupRef',
      'displayName',
      'description',
    ]);
    const name = requireText('name', req.body.name);
    const nameProblem = tenantNameProblem(name);
    if (nameProblem) throw new InputError(`'name' ${nameProblem}`);
    const group = await findGroup(ctx, req.body.groupRef, credentials);
    const displayName =
      req.body.displayName?.trim() ||
      group.spec.profile?.displayName ||
      group.metadata.name;

    const event = await ctx.auditor.createEvent({
      eventId: 'team-create',
      request: req,
      severityLevel: 'medium',
      meta: { team: name, groupRef: stringifyEntityRef(group) },
    });
    try {
      const team = await teams.createTeam(
        {
          name,
          groupRef: stringifyEntityRef(group),
          displayName,
          description: req.body.description?.trim() || undefined,
        },
        actorOf(credentials),
        new Date(),
      );
      await event.success();
      res
        .status(201)
        .json(
          teamResponse(team, await walletStore.getWallet(team.id), settings),
        );
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });
}

async function findGroup(
  ctx: RouteContext,
  groupRefText: string | undefined,
  credentials: Awaited<ReturnType<RouteContext['httpAuth']['credentials']>>,
) {
  const text = requireText('groupRef', groupRefText);
  let ref;
  try {
    ref = parseEntityRef(text, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
  } catch {
    throw new InputError(`'groupRef' is not an entity ref: '${text}'`);
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
    throw new InputError(
      `'groupRef' must refer to a Group, got kind '${ref.kind}'`,
    );
  }
  const entity = await ctx.catalog.getEntityByRef(ref, { credentials });
  if (!entity || !isGroupEntity(entity)) {
    throw new InputError(
      `'groupRef' names no Group in the catalog: '${stringifyEntityRef(ref)}'`,
    );
  }
  return entity;
}
