import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { BisonApi } from './BisonApi';
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
 * {@link BisonApi} over HTTP. Requests go through the fetch API, which adds
 * the user's Backstage token; error responses become `ResponseError`s that
 * carry the backend's message.
 *
 * @public
 */
export class BisonClient implements BisonApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getSettings(): Promise<BisonSettings> {
    return this.request<BisonSettings>('/settings');
  }

  async listTeams(): Promise<BisonTeam[]> {
    const list = await this.request<{ items: BisonTeam[] }>('/teams');
    return list.items;
  }

  getTeam(team: string): Promise<BisonTeam> {
    return this.request<BisonTeam>(teamPath(team));
  }

  getWallet(team: string): Promise<Wallet> {
    return this.request<Wallet>(`${teamPath(team)}/wallet`);
  }

  listTransactions(
    team: string,
    query: TransactionQuery = {},
  ): Promise<TransactionPage> {
    const params = filterParams(query);
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    if (query.cursor) params.set('cursor', query.cursor);
    return this.request<TransactionPage>(
      `${teamPath(team)}/wallet/transactions${queryString(params)}`,
    );
  }

  async downloadTransactionsCsv(
    team: string,
    filter: TransactionFilter = {},
  ): Promise<Blob> {
    const params = filterParams(filter);
    params.set('format', 'csv');
    const response = await this.fetch(
      `${teamPath(team)}/wallet/transactions${queryString(params)}`,
      { headers: { Accept: 'text/csv' } },
    );
    return response.blob();
  }

  recharge(
    team: string,
    request: RechargeRequest,
    idempotencyKey: string,
  ): Promise<PostingResult> {
    return this.post(`${teamPath(team)}/wallet/recharges`, request, {
      'Idempotency-Key': idempotencyKey,
    });
  }

  adjust(
    team: string,
    request: AdjustmentRequest,
    idempotencyKey?: string,
  ): Promise<PostingResult> {
    return this.post(
      `${teamPath(team)}/wallet/adjustments`,
      request,
      idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {},
    );
  }

  getAutoRecharge(team: string): Promise<AutoRechargePolicy> {
    return this.request<AutoRechargePolicy>(
      `${teamPath(team)}/wallet/auto-recharge`,
    );
  }

  putAutoRecharge(
    team: string,
    policy: AutoRechargePolicyInput,
  ): Promise<AutoRechargePolicy> {
    return this.request<AutoRechargePolicy>(
      `${teamPath(team)}/wallet/auto-recharge`,
      {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(policy),
      },
    );
  }

  private async post(
    path: string,
    body: object,
    headers: Record<string, string>,
  ): Promise<PostingResult> {
    const response = await this.fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const result = (await response.json()) as Omit<PostingResult, 'replayed'>;
    return {
      ...result,
      replayed: response.headers.get('Idempotent-Replayed') === 'true',
    };
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const response = await this.fetch(path, init);
    return (await response.json()) as T;
  }

  /** Fetches a backend path; rejects with a `ResponseError` unless 2xx. */
  private async fetch(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('bison');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

function teamPath(team: string): string {
  return `/teams/${encodeURIComponent(team)}`;
}

function filterParams(filter: TransactionFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  return params;
}

function queryString(params: URLSearchParams): string {
  const text = params.toString();
  return text ? `?${text}` : '';
}
