import { AlertNotice } from '@bison/plugin-bison-node';
import { Knex } from 'knex';
import { dateFromDb, optionalDateFromDb } from '../../database/dbValues';
import { AlertSeverity } from '../rules';

/** The id of the Backstage notifications channel, always on. */
export const NOTIFICATIONS_CHANNEL = 'backstage';

export type DeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed';

/** One alert message, stored once whichever replica computed it first. */
export interface NewAlertMessage {
  /** Unique per message: `<rule>/<subject>/<crossing>/firing`, ... */
  key: string;
  ruleId: string;
  kind: string;
  teamId: string | null;
  subject: string;
  severity: AlertSeverity;
  notice: AlertNotice;
}

/** A delivery claimed by this process for one attempt. */
export interface ClaimedDelivery {
  id: string;
  messageId: string;
  channelId: string;
  teamId: string | null;
  attempts: number;
  retryUntil: Date;
  notice: AlertNotice;
}

export interface DeliveryRecord {
  id: string;
  channelId: string;
  status: DeliveryStatus;
  attempts: number;
  responseCode: number | null;
  lastError: string | null;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  message: {
    id: string;
    ruleId: string;
    kind: string;
    teamId: string | null;
    subject: string;
    severity: AlertSeverity;
    status: AlertNotice['status'];
    title: string;
    summary: string;
  };
}

export interface HistoryFilter {
  teamIds?: string[];
  ruleId?: string;
  channelId?: string;
  status?: DeliveryStatus;
  /** Deliveries with a smaller id than this (keyset paging, newest first). */
  before?: string;
  limit: number;
}

export type AttemptOutcome =
  | { status: 'delivered'; responseCode?: number }
  | {
      status: 'pending' | 'failed';
      responseCode?: number;
      error: string;
      nextAttemptAt?: Date;
    };

const isPostgres = (db: Knex) => db.client.config.client === 'pg';

function toRecord(row: Record<string, any>): DeliveryRecord {
  const notice: AlertNotice = JSON.parse(row.notice);
  return {
    id: String(row.id),
    channelId: row.channel_id,
    status: row.status,
    attempts: Number(row.attempts),
    responseCode: row.response_code === null ? null : Number(row.response_code),
    lastError: row.last_error,
    nextAttemptAt: dateFromDb(row.next_attempt_at),
    deliveredAt: optionalDateFromDb(row.delivered_at) ?? null,
    createdAt: dateFromDb(row.created_at),
    updatedAt: dateFromDb(row.updated_at),
    message: {
      id: String(row.message_id),
      ruleId: row.rule_id,
      kind: row.kind,
      teamId: row.team_id,
      subject: row.subject,
      severity: row.severity,
      status: notice.status,
      title: notice.title,
      summary: notice.summary,
    },
  };
}

/**
 * The outbox: every message once, and its delivery to each channel once,
 * attempted by whichever process leases it.
 */
export class OutboxStore {
  constructor(private readonly knex: Knex) {}

  /**
   * Stores a message and a pending delivery per channel, in the caller's
   * transaction. False (and nothing written) if the message was stored
   * before, by this or another replica.
   */
  async record(
    trx: Knex.Transaction,
    message: NewAlertMessage,
    channelIds: string[],
    now: Date,
    retryUntil: Date,
  ): Promise<boolean> {
    const inserted = await trx('alert_messages')
      .insert({
        message_key: message.key,
        rule_id: message.ruleId,
        kind: message.kind,
        team_id: message.teamId,
        subject: message.subject,
        status: message.notice.status,
        severity: message.severity,
        notice: JSON.stringify(message.notice),
        created_at: now,
      })
      .onConflict('message_key')
      .ignore()
      .returning('id');
    if (inserted.length === 0) return false;
    const messageId = inserted[0].id ?? inserted[0];
    if (channelIds.length > 0) {
      await trx('alert_deliveries').insert(
        channelIds.map(channelId => ({
          message_id: messageId,
          channel_id: channelId,
          team_id: message.teamId,
          status: 'pending',
          attempts: 0,
          next_attempt_at: now,
          retry_until: retryUntil,
          created_at: now,
          updated_at: now,
        })),
      );
    }
    return true;
  }

  /**
   * Leases up to `limit` due deliveries for one attempt each: pending ones
   * whose time has come, and those whose lease ran out (a process died
   * mid-send). The condition is repeated in the outer UPDATE so that on
   * PostgreSQL a row another process leased meanwhile is skipped.
   */
  async claimDue(
    owner: string,
    now: Date,
    leaseMillis: number,
    limit: number,
  ): Promise<ClaimedDelivery[]> {
    const due = (query: Knex.QueryBuilder) =>
      query.where(builder =>
        builder
          .where(pending =>
            pending
              .where('status', 'pending')
              .where('next_attempt_at', '<=', now),
          )
          .orWhere(stale =>
            stale.where('status', 'sending').where('lease_until', '<', now),
          ),
      );
    const candidates = due(
      this.knex('alert_deliveries').select('id').orderBy('next_attempt_at'),
    ).limit(limit);
    if (isPostgres(this.knex)) candidates.forUpdate().skipLocked();
    const claimed = await due(
      this.knex('alert_deliveries').whereIn('id', candidates),
    )
      .update({
        status: 'sending',
        lease_owner: owner,
        lease_until: new Date(now.getTime() + leaseMillis),
        attempts: this.knex.raw('attempts + 1'),
        updated_at: now,
      })
      .returning('id');
    if (claimed.length === 0) return [];
    const rows = await this.knex('alert_deliveries as d')
      .join('alert_messages as m', 'm.id', 'd.message_id')
      .whereIn(
        'd.id',
        claimed.map((row: any) => row.id ?? row),
      )
      .where('d.lease_owner', owner)
      .select(
        'd.id',
        'd.message_id',
        'd.channel_id',
        'd.attempts',
        'd.retry_until',
        'm.team_id',
        'm.notice',
      );
    return rows.map(row => ({
      id: String(row.id),
      messageId: String(row.message_id),
      channelId: row.channel_id,
      teamId: row.team_id,
      attempts: Number(row.attempts),
      retryUntil: dateFromDb(row.retry_until),
      notice: JSON.parse(row.notice),
    }));
  }

  /** Records an attempt's outcome, if this process still holds the lease. */
  async finish(
    id: string,
    owner: string,
    outcome: AttemptOutcome,
    now: Date,
  ): Promise<boolean> {
    const base = {
      status: outcome.status,
      lease_owner: null,
      lease_until: null,
      response_code: outcome.responseCode ?? null,
      updated_at: now,
    };
    const changes =
      outcome.status === 'delivered'
        ? { ...base, last_error: null, delivered_at: now }
        : {
            ...base,
            last_error: outcome.error.slice(0, 2000),
            ...(outcome.nextAttemptAt
              ? { next_attempt_at: outcome.nextAttemptAt }
              : {}),
          };
    const updated = await this.knex('alert_deliveries')
      .where({ id, lease_owner: owner, status: 'sending' })
      .update(changes);
    return updated === 1;
  }

  /** Makes a failed delivery pending again, for another bounded run of attempts. */
  async retry(id: string, now: Date, retryUntil: Date): Promise<boolean> {
    const updated = await this.knex('alert_deliveries')
      .where({ id, status: 'failed' })
      .update({
        status: 'pending',
        next_attempt_at: now,
        retry_until: retryUntil,
        updated_at: now,
      });
    return updated === 1;
  }

  async get(id: string): Promise<DeliveryRecord | undefined> {
    const [row] = await this.historyQuery().where('d.id', id);
    return row ? toRecord(row) : undefined;
  }

  /** A page of deliveries, newest first. */
  async history(filter: HistoryFilter): Promise<DeliveryRecord[]> {
    const query = this.historyQuery()
      .orderBy('d.id', 'desc')
      .limit(filter.limit);
    if (filter.teamIds) query.whereIn('d.team_id', filter.teamIds);
    if (filter.ruleId) query.where('m.rule_id', filter.ruleId);
    if (filter.channelId) query.where('d.channel_id', filter.channelId);
    if (filter.status) query.where('d.status', filter.status);
    if (filter.before) query.where('d.id', '<', filter.before);
    return (await query).map(toRecord);
  }

  private historyQuery() {
    return this.knex('alert_deliveries as d')
      .join('alert_messages as m', 'm.id', 'd.message_id')
      .select(
        'd.id',
        'd.channel_id',
        'd.status',
        'd.attempts',
        'd.response_code',
        'd.last_error',
        'd.next_attempt_at',
        'd.delivered_at',
        'd.created_at',
        'd.updated_at',
        'd.message_id',
        'm.rule_id',
        'm.kind',
        'm.team_id',
        'm.subject',
        'm.severity',
        'm.notice',
      );
  }
}
