import { ConflictError, NotFoundError } from '@backstage/errors';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { dateFromDb } from '../../database/dbValues';

/** A channel as stored; `sealedSecrets` never leaves the backend. */
export interface StoredChannel {
  id: string;
  /** The owning team's id; null for a global channel. */
  teamId: string | null;
  type: string;
  name: string;
  settings: Record<string, unknown>;
  sealedSecrets: string | null;
  enabled: boolean;
  version: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

export type NewChannel = Pick<
  StoredChannel,
  'teamId' | 'type' | 'name' | 'settings' | 'sealedSecrets' | 'enabled'
>;

export type ChannelChanges = Partial<
  Pick<StoredChannel, 'name' | 'settings' | 'sealedSecrets' | 'enabled'>
>;

function toChannel(row: Record<string, any>): StoredChannel {
  return {
    id: row.id,
    teamId: row.team_id,
    type: row.type,
    name: row.name,
    settings: JSON.parse(row.settings),
    sealedSecrets: row.secrets,
    enabled: Boolean(row.enabled),
    version: Number(row.version),
    createdAt: dateFromDb(row.created_at),
    createdBy: row.created_by,
    updatedAt: dateFromDb(row.updated_at),
    updatedBy: row.updated_by,
  };
}

/** Alert channels; deleted ones stay for the delivery history. */
export class ChannelStore {
  constructor(private readonly knex: Knex) {}

  /** Live channels: global ones when `teamIds` is null, else those teams'. */
  async list(scope: { global?: boolean; teamIds?: string[] } = {}) {
    const query = this.knex('alert_channels')
      .whereNull('deleted_at')
      .orderBy(['name', 'id']);
    if (scope.global !== undefined || scope.teamIds !== undefined) {
      query.where(builder => {
        if (scope.global) builder.orWhereNull('team_id');
        if (scope.teamIds) builder.orWhereIn('team_id', scope.teamIds);
      });
    }
    return (await query).map(toChannel);
  }

  async get(id: string): Promise<StoredChannel | undefined> {
    const row = await this.knex('alert_channels')
      .where({ id })
      .whereNull('deleted_at')
      .first();
    return row ? toChannel(row) : undefined;
  }

  /** Names of channels, deleted ones included, for the history. */
  async names(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.knex('alert_channels')
      .whereIn('id', ids)
      .select('id', 'name');
    return new Map(rows.map(row => [row.id, row.name]));
  }

  async create(channel: NewChannel, actor: string, now: Date) {
    const id = randomUUID();
    await this.knex('alert_channels').insert({
      id,
      team_id: channel.teamId,
      type: channel.type,
      name: channel.name,
      settings: JSON.stringify(channel.settings),
      secrets: channel.sealedSecrets,
      enabled: channel.enabled,
      version: 1,
      created_at: now,
      created_by: actor,
      updated_at: now,
      updated_by: actor,
    });
    return (await this.get(id))!;
  }

  /** Applies changes if the channel is still at `version`. */
  async update(
    id: string,
    version: number,
    changes: ChannelChanges,
    actor: string,
    now: Date,
  ): Promise<StoredChannel> {
    const updated = await this.knex('alert_channels')
      .where({ id, version })
      .whereNull('deleted_at')
      .update({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.settings !== undefined
          ? { settings: JSON.stringify(changes.settings) }
          : {}),
        ...(changes.sealedSecrets !== undefined
          ? { secrets: changes.sealedSecrets }
          : {}),
        ...(changes.enabled !== undefined ? { enabled: changes.enabled } : {}),
        version: version + 1,
        updated_at: now,
        updated_by: actor,
      });
    if (updated === 0) {
      if (!(await this.get(id))) throw new NotFoundError(`No channel ${id}`);
      throw new ConflictError(`Channel ${id} was changed meanwhile; try again`);
    }
    return (await this.get(id))!;
  }

  /** Deletes the channel; its pending deliveries fail with a reason. */
  async delete(id: string, actor: string, now: Date): Promise<void> {
    await this.knex.transaction(async trx => {
      const deleted = await trx('alert_channels')
        .where({ id })
        .whereNull('deleted_at')
        .update({
          deleted_at: now,
          secrets: null,
          updated_at: now,
          updated_by: actor,
        });
      if (deleted === 0) throw new NotFoundError(`No channel ${id}`);
      await trx('alert_deliveries')
        .where({ channel_id: id })
        .whereIn('status', ['pending', 'sending'])
        .update({
          status: 'failed',
          last_error: 'The channel was deleted',
          lease_owner: null,
          lease_until: null,
          updated_at: now,
        });
    });
  }
}
