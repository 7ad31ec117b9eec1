import { NotFoundError } from '@backstage/errors';
import { Micros } from '@bison/plugin-bison-common';
import { SignalsService } from '@backstage/plugin-signals-node';
import { Knex } from 'knex';
import { Team } from '../tenancy/TeamStore';
import { LedgerWriter } from './LedgerWriter';
import { WalletStore } from './WalletStore';
import { LedgerPosting, PostingResult, Wallet } from './types';

/** Channel of the signal sent to a team's members when its wallet changes. */
export const WALLET_SIGNAL_CHANNEL = 'bison:wallet';

export type WalletChangeSignal = { team: string };

/**
 * Debits for the billing engine. Not an HTTP route: usage is only ever
 * charged by the engine, inside the transaction that records the usage.
 */
export interface WalletDebitService {
  debit(
    db: Knex,
    debit: {
      teamId: string;
      amount: Micros;
      idempotencyKey: string;
      actor: string;
      reason?: string;
      window?: { start: Date; end: Date };
    },
  ): Promise<PostingResult>;
}

/** Wallet operations: reads, recharges, adjustments and debits. */
export class WalletService implements WalletDebitService {
  private readonly listeners: Array<(team: Team) => void> = [];

  constructor(
    private readonly knex: Knex,
    private readonly store: WalletStore,
    private readonly ledger: LedgerWriter,
    private readonly signals?: SignalsService,
  ) {}

  async getWallet(team: Team): Promise<Wallet> {
    const wallet = await this.store.getWallet(team.id);
    if (!wallet) throw new NotFoundError(`team '${team.name}' has no wallet`);
    return wallet;
  }

  async recharge(
    team: Team,
    request: Omit<LedgerPosting, 'teamId' | 'kind'>,
  ): Promise<PostingResult> {
    return this.post(team, { ...request, teamId: team.id, kind: 'recharge' });
  }

  async adjust(
    team: Team,
    request: Omit<LedgerPosting, 'teamId' | 'kind'>,
  ): Promise<PostingResult> {
    return this.post(team, { ...request, teamId: team.id, kind: 'adjustment' });
  }

  async debit(
    db: Knex,
    debit: Parameters<WalletDebitService['debit']>[1],
  ): Promise<PostingResult> {
    return this.ledger.post(db, {
      ...debit,
      amount: -debit.amount,
      kind: 'usage',
      // A retried debit must ask for the same amount, or it is a conflict.
      requestHash: `usage:${debit.amount}`,
    });
  }

  private async post(team: Team, posting: LedgerPosting) {
    const result = await this.ledger.post(this.knex, posting);
    if (result.created) await this.notifyChanged(team);
    return result;
  }

  /** Calls `listener` after every committed change of a wallet. */
  onChanged(listener: (team: Team) => void) {
    this.listeners.push(listener);
  }

  /** Tells the team's members (and the listeners) that their wallet changed. */
  async notifyChanged(team: Team) {
    for (const listener of this.listeners) listener(team);
    await this.signals?.publish<WalletChangeSignal>({
      recipients: { type: 'user', entityRef: [team.groupRef] },
      channel: WALLET_SIGNAL_CHANNEL,
      message: { team: team.name },
    });
  }
}
