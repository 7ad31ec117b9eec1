import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  isGroupEntity,
  GroupEntity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { Request } from 'express';
import {
  quotaUpdatePermission,
  teamCreatePermission,
  teamDeletePermission,
  teamReadPermission,
  teamUpdatePermission,
  tenantNameOfGroup,
} from '@bison/plugin-bison-common';
import { Team } from '../tenancy/TeamStore';
import { TeamChanges, TeamTenantInput } from '../tenancy/TeamService';
import { requireTenancy, Tenancy } from '../tenancy/Tenancy';
import { TeamTenancy } from '../tenancy/TenancyReader';
import {
  parseKubernetesName,
  parseOwners,
  parsePool,
  parseQuotaInput,
} from '../tenancy/parseTenancyInput';
import { actorOf } from './actor';
import { audited } from './audited';
import { assertBasicPermission } from './basicPermission';
import { rejectUnknownFields, requireText } from './fieldErrors';
import { teamResponse } from './responses';
import { storedTenancyFields, teamTenancyFields } from './tenancyResponses';
import { ApiRouter, RouteContext } from './types';

const TENANT_FIELDS = ['owners', 'quota', 'pool'] as const;

export function registerTeamRoutes(router: ApiRouter, ctx: RouteContext) {
  const { httpAuth, authorizer, teams, walletStore, settings } = ctx;

  /** Teams as answered, with their cluster side when it can be read. */
  async function respondTeams(list: Team[]) {
    const wallets = await walletStore.getWallets(list.map(team => team.id));
    let clusterState: Map<string, TeamTenancy> | undefined;
    if (ctx.tenancy) {
      try {
        // One team is read fresh: it may have been written just before.
        clusterState =
          list.length === 1
            ? new Map([
                [list[0].name, await ctx.tenancy.reader.readTeam(list[0].name)],
              ])
            : await ctx.tenancy.reader.readTeams(list.map(team => team.name));
      } catch (error) {
        ctx.logger.warn(`Could not read teams from the cluster: ${error}`);
      }
    }
    const now = new Date();
    const clusterFields = (team: Team) => {
      const tenancy = clusterState?.get(team.name);
      if (tenancy) return teamTenancyFields(tenancy, now);
      return ctx.tenancy ? storedTenancyFields(team.tenancy) : {};
    };
    return list.map(team => ({
      ...teamResponse(team, wallets.get(team.id), settings),
      ...clusterFields(team),
    }));
  }

  router.get('/teams', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const filter = await authorizer.teamFilter(credentials, teamReadPermission);
    const list =
      filter === 'none'
        ? []
        : await teams.listTeams(filter === 'all' ? undefined : filter);
    res.json({ items: await respondTeams(list) });
  });

  router.get('/teams/:team', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const team = await authorizer.authorizeTeam(
      credentials,
      teamReadPermission,
      req.params.team,
    );
    const [response] = await respondTeams([team]);
    res.json(response);
  });

  router.post('/teams', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await assertBasicPermission(ctx, credentials, teamCreatePermission);
    const body = req.body;
    rejectUnknownFields(body, [
      'name',
      'groupRef',
      'displayName',
      'description',
      ...TENANT_FIELDS,
    ]);
    const systemNamespace = ctx.tenancy?.systemNamespace ?? '';
    const parseName = (name: unknown) =>
      parseKubernetesName('name', name, systemNamespace);
    // A name sent is checked before the catalog is asked for the Group.
    const sentName = body.name === undefined ? undefined : parseName(body.name);
    const group = await findGroup(ctx, body.groupRef, credentials);
    const name = sentName ?? parseName(tenantNameOfGroup(group));
    const displayName =
      body.displayName?.trim() ||
      group.spec.profile?.displayName ||
      group.metadata.name;
    const record = {
      name,
      groupRef: stringifyEntityRef(group),
      displayName,
      description: body.description?.trim() || undefined,
    };
    const wantsTenant = TENANT_FIELDS.some(field => body[field] !== undefined);
    const tenancy = wantsTenant ? requireTenancy(ctx.tenancy) : ctx.tenancy;
    const tenant = tenancy
      ? await parseTenantInput(tenancy, body, group)
      : undefined;

    const team = await audited(
      ctx,
      req,
      {
        action: 'team-create',
        team: created => created,
        meta: { team: name, groupRef: record.groupRef },
        summary: created =>
          `Created team ${created.name} for ${created.groupRef}`,
        after: () => ({ ...record, ...tenant }),
      },
      () =>
        tenancy && tenant
          ? tenancy.teams.create(
              record,
              tenant,
              actorOf(credentials),
              new Date(),
            )
          : teams.createTeam(record, actorOf(credentials), new Date()),
    );
    const [response] = await respondTeams([team]);
    res.status(201).json(response);
  });

  router.patch('/teams/:team', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const team = await authorizer.authorizeTeam(
      credentials,
      teamUpdatePermission,
      req.params.team,
    );
    const body = req.body;
    rejectUnknownFields(body, ['displayName', 'description', ...TENANT_FIELDS]);
    if (body.quota !== undefined) {
      await authorizer.assertAllowed(credentials, quotaUpdatePermission, team);
    }
    const changes: TeamChanges = {};
    if (body.displayName !== undefined) {
      changes.displayName = requireText('displayName', body.displayName);
    }
    if (body.description !== undefined) {
      changes.description = body.description.trim() || null;
    }
    const wantsTenant = TENANT_FIELDS.some(field => body[field] !== undefined);
    const tenancy = wantsTenant ? requireTenancy(ctx.tenancy) : undefined;
    if (tenancy) {
      if (body.owners !== undefined) {
        changes.owners = parseOwners('owners', body.owners);
      }
      if (body.quota !== undefined) {
        changes.hard =
          body.quota === null
            ? {}
            : parseQuotaInput(
                'quota',
                body.quota,
                await tenancy.resources.list(),
              );
      }
      if (body.pool !== undefined) changes.pool = parsePool('pool', body.pool);
    }
    await audited(
      ctx,
      req,
      {
        action: 'team-update',
        team,
        meta: { fields: Object.keys(body) },
        summary: () => `Changed ${Object.keys(changes).join(', ')}`,
        before: () => ({
          ...('displayName' in changes
            ? { displayName: team.displayName }
            : {}),
          ...('description' in changes
            ? { description: team.description ?? null }
            : {}),
        }),
        after: () => changes,
      },
      async () => {
        if (tenancy) await tenancy.teams.update(team, changes);
        else await teams.updateDetails(team.id, changes);
      },
    );
    const [response] = await respondTeams([
      (await teams.getTeamById(team.id))!,
    ]);
    res.json(response);
  });

  router.delete('/teams/:team', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const team = await authorizer.authorizeTeam(
      credentials,
      teamDeletePermission,
      req.params.team,
    );
    const cascade = String(req.query.cascade) === 'true';
    await audited(
      ctx,
      req as unknown as Request,
      {
        action: 'team-delete',
        team,
        meta: { cascade },
        summary: () =>
          cascade
            ? `Deleted team ${team.name} with its projects`
            : `Deleted team ${team.name}`,
        before: () => ({
          displayName: team.displayName,
          groupRef: team.groupRef,
        }),
      },
      async () => {
        if (ctx.tenancy) {
          await ctx.tenancy.teams.delete(team, cascade, new Date());
        } else {
          await teams.archiveTeam(team.id, new Date());
        }
      },
    );
    res.status(204).end();
  });
}

async function parseTenantInput(
  tenancy: Tenancy,
  body: { owners?: unknown; quota?: unknown; pool?: unknown },
  group: GroupEntity,
): Promise<TeamTenantInput> {
  return {
    owners:
      body.owners === undefined
        ? [{ kind: 'Group', name: group.metadata.name }]
        : parseOwners('owners', body.owners),
    hard:
      body.quota === undefined
        ? {}
        : parseQuotaInput('quota', body.quota, await tenancy.resources.list()),
    pool: body.pool === undefined ? 'shared' : parsePool('pool', body.pool),
  };
}

async function findGroup(
  ctx: RouteContext,
  groupRefText: string | undefined,
  credentials: BackstageCredentials,
): Promise<GroupEntity> {
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
