import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  alertsManagePermission,
  teamReadPermission,
  teamUpdatePermission,
} from '@bison/plugin-bison-common';
import { StoredChannel } from '../alerts/store/ChannelStore';
import {
  DeliveryRecord,
  NOTIFICATIONS_CHANNEL,
} from '../alerts/store/OutboxStore';
import * as api from '../schema/openapi/generated/models';
import { Team } from '../tenancy/TeamStore';
import { actorOf } from './actor';
import { audited } from './audited';
import { assertBasicPermission, holdsBasicPermission } from './basicPermission';
import { rejectUnknownFields } from './fieldErrors';
import { ApiRouter, RouteContext } from './types';

const NOTIFICATIONS_NAME = 'Backstage notifications';

export function registerAlertRoutes(router: ApiRouter, ctx: RouteContext) {
  const { httpAuth, authorizer, teams, alerts } = ctx;

  const mayManage = (credentials: BackstageCredentials) =>
    holdsBasicPermission(ctx, credentials, alertsManagePermission);

  const teamNames = async (ids: Array<string | null>) => {
    const unique = [...new Set(ids.filter((id): id is string => id !== null))];
    const found = await teams.getTeamsById(unique);
    return new Map(found.map(team => [team.id, team.name]));
  };

  const channelView = (
    channel: StoredChannel,
    names: Map<string, string>,
  ): api.AlertChannel => ({
    id: channel.id,
    name: channel.name,
    type: channel.type,
    team: channel.teamId ? names.get(channel.teamId) ?? null : null,
    settings: channel.settings,
    hasSecret: channel.sealedSecrets !== null,
    enabled: channel.enabled,
    createdAt: channel.createdAt,
    createdBy: channel.createdBy,
    updatedAt: channel.updatedAt,
    updatedBy: channel.updatedBy,
  });

  const deliveryViews = async (
    records: DeliveryRecord[],
  ): Promise<api.AlertDelivery[]> => {
    const [channelNames, names] = await Promise.all([
      alerts.channelStore.names(records.map(r => r.channelId)),
      teamNames(records.map(r => r.message.teamId)),
    ]);
    return records.map(record => ({
      id: record.id,
      channel: {
        id: record.channelId,
        name:
          record.channelId === NOTIFICATIONS_CHANNEL
            ? NOTIFICATIONS_NAME
            : channelNames.get(record.channelId) ?? record.channelId,
      },
      status: record.status,
      attempts: record.attempts,
      responseCode: record.responseCode,
      lastError: record.lastError,
      nextAttemptAt:
        record.status === 'pending' || record.status === 'sending'
          ? record.nextAttemptAt
          : null,
      deliveredAt: record.deliveredAt,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      message: {
        id: record.message.id,
        rule: record.message.ruleId,
        kind: record.message.kind,
        team: record.message.teamId
          ? names.get(record.message.teamId) ?? null
          : null,
        subject: record.message.subject,
        severity: record.message.severity,
        status: record.message.status,
        title: record.message.title,
        summary: record.message.summary,
      },
    }));
  };

  const page = async (records: DeliveryRecord[], limit: number) => ({
    items: await deliveryViews(records),
    nextCursor:
      records.length === limit ? records[records.length - 1].id : null,
  });

  /**
   * Global channels (and the notifications channel) are the admins';
   * a team's channels belong to whoever may update the team.
   */
  const assertMayManageChannel = async (
    credentials: BackstageCredentials,
    teamId: string | null,
  ) => {
    if (teamId === null) {
      await assertBasicPermission(ctx, credentials, alertsManagePermission);
      return;
    }
    const team = await teams.getTeamById(teamId);
    if (!team) throw new NotFoundError(`team ${teamId} not found`);
    await authorizer.assertAllowed(credentials, teamUpdatePermission, team);
  };

  const channelTeam = async (channel: StoredChannel) =>
    channel.teamId ? teams.getTeamById(channel.teamId) : null;

  /** What the activity log keeps of a channel: never its secrets. */
  const channelChange = (channel: StoredChannel) => ({
    name: channel.name,
    type: channel.type,
    enabled: channel.enabled,
    settings: channel.settings,
    hasSecret: channel.sealedSecrets !== null,
  });

  const channelFor = async (credentials: BackstageCredentials, id: string) => {
    const channel = await alerts.channels.get(id);
    await assertMayManageChannel(credentials, channel.teamId);
    return channel;
  };

  router.get('/alerts/channels', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    let channels: StoredChannel[];
    if (req.query.team) {
      const team = await authorizer.authorizeTeam(
        credentials,
        teamUpdatePermission,
        req.query.team,
      );
      channels = await alerts.channelStore.list({ teamIds: [team.id] });
    } else {
      const [global, teamIds] = await Promise.all([
        mayManage(credentials),
        authorizer.teamIds(credentials, teamUpdatePermission),
      ]);
      channels = (await alerts.channelStore.list()).filter(channel =>
        channel.teamId === null
          ? global
          : teamIds === 'all' || teamIds.includes(channel.teamId),
      );
    }
    const names = await teamNames(channels.map(c => c.teamId));
    res.json({
      items: channels.map(channel => channelView(channel, names)),
      types: alerts.channelTypes
        .list()
        .map(({ type, title }) => ({ type, title })),
    });
  });

  router.post('/alerts/channels', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const body = req.body;
    rejectUnknownFields(body, [
      'name',
      'type',
      'team',
      'settings',
      'secrets',
      'enabled',
    ]);
    let team: Team | null = null;
    if (body.team !== undefined) {
      team = await authorizer.authorizeTeam(
        credentials,
        teamUpdatePermission,
        body.team,
      );
    } else {
      await assertBasicPermission(ctx, credentials, alertsManagePermission);
    }
    const channel = await audited(
      ctx,
      req,
      {
        action: 'alert-channel-create',
        team,
        subject: body.name,
        meta: { type: body.type },
        summary: created => `Added ${created.type} channel ${created.name}`,
        after: created => channelChange(created),
      },
      () =>
        alerts.channels.create(team?.id ?? null, body, actorOf(credentials)),
    );
    res
      .status(201)
      .json(channelView(channel, await teamNames([channel.teamId])));
  });

  router.get('/alerts/channels/:channel', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const channel = await channelFor(credentials, req.params.channel);
    res.json(channelView(channel, await teamNames([channel.teamId])));
  });

  router.patch('/alerts/channels/:channel', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    rejectUnknownFields(req.body, ['name', 'settings', 'secrets', 'enabled']);
    const channel = await channelFor(credentials, req.params.channel);
    const updated = await audited(
      ctx,
      req,
      {
        action: 'alert-channel-update',
        team: await channelTeam(channel),
        subject: channel.name,
        meta: { channel: channel.id, fields: Object.keys(req.body) },
        summary: () =>
          `Changed ${Object.keys(req.body).join(', ')} of channel ${
            channel.name
          }`,
        before: () => channelChange(channel),
        after: changed => channelChange(changed),
      },
      () => alerts.channels.update(channel.id, req.body, actorOf(credentials)),
    );
    res.json(channelView(updated, await teamNames([updated.teamId])));
  });

  router.delete('/alerts/channels/:channel', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const channel = await channelFor(credentials, req.params.channel);
    await audited(
      ctx,
      req,
      {
        action: 'alert-channel-delete',
        team: await channelTeam(channel),
        subject: channel.name,
        meta: { channel: channel.id },
        summary: () => `Removed ${channel.type} channel ${channel.name}`,
        before: () => channelChange(channel),
      },
      () => alerts.channels.delete(channel.id, actorOf(credentials)),
    );
    res.status(204).end();
  });

  router.post('/alerts/channels/:channel/test', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const channel = await channelFor(credentials, req.params.channel);
    const names = await teamNames([channel.teamId]);
    const result = await alerts.channels.test(
      channel.id,
      channel.teamId ? names.get(channel.teamId) ?? null : null,
    );
    res.json({
      delivered: result.delivered,
      responseCode: result.responseCode ?? null,
      error: result.error ?? null,
    });
  });

  router.get('/alerts/rules', async (req, res) => {
    await httpAuth.credentials(req);
    res.json(await alerts.rules.view());
  });

  router.put('/alerts/rules', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await assertBasicPermission(ctx, credentials, alertsManagePermission);
    rejectUnknownFields(req.body, ['rules']);
    const globalChannels = new Set(
      (await alerts.channelStore.list({ global: true })).map(c => c.id),
    );
    const previous = await alerts.rules.view();
    const view = await audited(
      ctx,
      req,
      {
        action: 'alert-rules-update',
        subject: 'alert rules',
        meta: {
          rules: Array.isArray(req.body.rules) ? req.body.rules.length : 0,
        },
        summary: saved => `Saved ${saved.rules.length} alert rules`,
        before: () => previous.rules,
        after: saved => saved.rules,
      },
      () =>
        alerts.rules.replace(
          req.body.rules,
          id => globalChannels.has(id),
          actorOf(credentials),
        ),
    );
    res.json(view);
  });

  router.get('/alerts/history', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { team, rule, channel, status, cursor } = req.query;
    const limit = req.query.limit ?? 50;
    if (cursor !== undefined && !/^[0-9]{1,19}$/.test(cursor)) {
      throw new InputError(`'cursor' is not a cursor of this list`);
    }
    let teamIds: string[] | undefined;
    if (team !== undefined) {
      teamIds = [
        (await authorizer.authorizeTeam(credentials, teamReadPermission, team))
          .id,
      ];
    } else if (!(await mayManage(credentials))) {
      const readable = await authorizer.teamIds(
        credentials,
        teamReadPermission,
      );
      teamIds = readable === 'all' ? undefined : readable;
    }
    const records = await alerts.outbox.history({
      teamIds,
      ruleId: rule,
      channelId: channel,
      status,
      before: cursor,
      limit,
    });
    res.json(await page(records, limit));
  });

  router.post('/alerts/deliveries/:delivery/retry', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const delivery = await alerts.outbox.get(req.params.delivery);
    if (!delivery) {
      throw new NotFoundError(`No alert delivery ${req.params.delivery}`);
    }
    const channel =
      delivery.channelId === NOTIFICATIONS_CHANNEL
        ? undefined
        : await alerts.channelStore.get(delivery.channelId);
    await assertMayManageChannel(credentials, channel?.teamId ?? null);
    const now = new Date();
    const retried = await audited(
      ctx,
      req,
      {
        action: 'alert-delivery-retry',
        team: delivery.message.teamId
          ? await teams.getTeamById(delivery.message.teamId)
          : null,
        subject: `delivery ${delivery.id}`,
        summary: () => `Sent "${delivery.message.title}" again`,
        changed: done => done,
      },
      () =>
        alerts.outbox.retry(
          delivery.id,
          now,
          new Date(now.getTime() + alerts.retryForMillis),
        ),
    );
    if (!retried) {
      throw new ConflictError(
        `Alert delivery ${delivery.id} is ${delivery.status}; only failed deliveries are retried`,
      );
    }
    alerts.worker.kick();
    const [view] = await deliveryViews([
      (await alerts.outbox.get(delivery.id))!,
    ]);
    res.json(view);
  });

  router.get('/teams/:team/alerts', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const team = await authorizer.authorizeTeam(
      credentials,
      teamReadPermission,
      req.params.team,
    );
    const { cursor } = req.query;
    const limit = req.query.limit ?? 50;
    if (cursor !== undefined && !/^[0-9]{1,19}$/.test(cursor)) {
      throw new InputError(`'cursor' is not a cursor of this list`);
    }
    const [firing, records, rules] = await Promise.all([
      alerts.states.firing(team.id),
      alerts.outbox.history({ teamIds: [team.id], before: cursor, limit }),
      alerts.rules.effectiveRules(),
    ]);
    const kinds = new Map(rules.map(r => [r.id, r.condition.kind]));
    res.json({
      firing: firing.map(state => ({
        rule: state.ruleId,
        kind: kinds.get(state.ruleId) ?? null,
        subject: state.subject,
        severity: state.severity,
        level: state.level,
        since: state.since,
        details: state.details,
      })),
      history: await page(records, limit),
    });
  });
}
