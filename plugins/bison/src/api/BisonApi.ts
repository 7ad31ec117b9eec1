import { createApiRef } from '@backstage/core-plugin-api';
import {
  AdjustmentRequest,
  AutoRechargePolicy,
  AutoRechargePolicyInput,
  BisonSettings,
  BisonTeam,
  PostingResult,
  RechargeRequest,
  TransactionFilter,
  TransactionPage,
  TransactionQuery,
  Wallet,
} from './types';

/**
 * Client of the Bison backend (`/api/bison`). The frontend talks only to this
 * API, never to Kubernetes, OpenCost or Prometheus directly. Failed requests
 * reject with a `ResponseError` from `@backstage/errors`.
 *
 * @public
 */
export interface BisonApi {
  getSettings(): Promise<BisonSettings>;

  /** The teams the caller may read, each with a wallet summary. */
  listTeams(): Promise<BisonTeam[]>;

  getTeam(team: string): Promise<BisonTeam>;

  getWallet(team: string): Promise<Wallet>;

  /** One page of ledger entries, newest first. */
  listTransactions(
    team: string,
    query?: TransactionQuery,
  ): Promise<TransactionPage>;

  /** Every entry matching the filter, as CSV. */
  downloadTransactionsCsv(
    team: string,
    filter?: TransactionFilter,
  ): Promise<Blob>;

  /**
   * Adds money to the wallet. Retrying with the same `idempotencyKey` and
   * body returns the first result instead of recharging twice.
   */
  recharge(
    team: string,
    request: RechargeRequest,
    idempotencyKey: string,
  ): Promise<PostingResult>;

  /** Corrects the balance by a signed amount, with a required reason. */
  adjust(
    team: string,
    request: AdjustmentRequest,
    idempotencyKey?: string,
  ): Promise<PostingResult>;

  getAutoRecharge(team: string): Promise<AutoRechargePolicy>;

  putAutoRecharge(
    team: string,
    policy: AutoRechargePolicyInput,
  ): Promise<AutoRechargePolicy>;
}

/** @public */
export const bisonApiRef = createApiRef<BisonApi>({ id: 'plugin.bison.api' });
