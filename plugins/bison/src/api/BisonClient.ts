import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { BisonApi } from './BisonApi';
import {
  ActivityPage,
  ActivityQuery,
  AdjustmentRequest,
  AlertChannel,
  AlertChannelList,
  AlertChannelPatch,
  AlertChannelTestResult,
  AlertDelivery,
  AlertDeliveryPage,
  AlertHistoryQuery,
  AlertRules,
  AlertRulesInput,
  NewAlertChannel,
  TeamAlerts,
  AutoRechargePolicy,
  AutoRechargePolicyInput,
  BillingRun,
  BillingStatus,
  BisonNode,
  BisonProject,
  BisonSettings,
  BisonTeam,
  ComputeResource,
  CreateProjectRequest,
  CreateTeamRequest,
  EnforcementOverrides,
  NewPriceBook,
  PostingResult,
  PriceBook,
  PriceBooks,
  PricePreview,
  PricePreviewRequest,
  ProjectReport,
  QuotaInput,
  RechargeRequest,
  Reconciliation,
  ReconciliationCheck,
  ReconciliationCheckRequest,
  ReconciliationQuery,
  ReportRange,
  ResumeRequest,
  SettleDifferenceRequest,
  SettledDifference,
  Statement,
  StatementFormat,
  StatementMonths,
  SuspendRequest,
  TeamAtRisk,
  TeamEnforcement,
  TeamQuota,
  TeamReport,
  TeamUsage,
  TeamUsageQuery,
  TransactionFilter,
  TransactionPage,
  TransactionQuery,
  UpdateProjectRequest,
  UpdateTeamRequest,
  UsageRange,
  UsageSummary,
  Wallet,
} from './types';

/** What a statement download asks for in its Accept header. */
const STATEMENT_MEDIA_TYPES: Record<StatementFormat, string> = {
  csv: 'text/csv',
  pdf: 'application/pdf',
};

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

  createTeam(request: CreateTeamRequest): Promise<BisonTeam> {
    return this.send<BisonTeam>('POST', '/teams', request);
  }

  updateTeam(team: string, request: UpdateTeamRequest): Promise<BisonTeam> {
    return this.send<BisonTeam>('PATCH', teamPath(team), request);
  }

  async deleteTeam(
    team: string,
    options: { cascade?: boolean } = {},
  ): Promise<void> {
    const query = options.cascade ? '?cascade=true' : '';
    await this.fetch(`${teamPath(team)}${query}`, { method: 'DELETE' });
  }

  async listTeamProjects(team: string): Promise<BisonProject[]> {
    const list = await this.request<{ items: BisonProject[] }>(
      `${teamPath(team)}/projects`,
    );
    return list.items;
  }

  createProject(
    team: string,
    request: CreateProjectRequest,
  ): Promise<BisonProject> {
    return this.send<BisonProject>(
      'POST',
      `${teamPath(team)}/projects`,
      request,
    );
  }

  getTeamProject(team: string, project: string): Promise<BisonProject> {
    return this.request<BisonProject>(teamProjectPath(team, project));
  }

  updateProject(
    team: string,
    project: string,
    request: UpdateProjectRequest,
  ): Promise<BisonProject> {
    return this.send<BisonProject>(
      'PATCH',
      teamProjectPath(team, project),
      request,
    );
  }

  async deleteProject(team: string, project: string): Promise<void> {
    await this.fetch(teamProjectPath(team, project), { method: 'DELETE' });
  }

  putProjectQuota(
    team: string,
    project: string,
    quota: QuotaInput,
  ): Promise<BisonProject> {
    return this.send<BisonProject>(
      'PUT',
      `${teamProjectPath(team, project)}/quota`,
      quota,
    );
  }

  getTeamQuota(team: string): Promise<TeamQuota> {
    return this.request<TeamQuota>(`${teamPath(team)}/quota`);
  }

  putTeamQuota(team: string, quota: QuotaInput): Promise<TeamQuota> {
    return this.send<TeamQuota>('PUT', `${teamPath(team)}/quota`, quota);
  }

  async listProjects(): Promise<BisonProject[]> {
    const list = await this.request<{ items: BisonProject[] }>('/projects');
    return list.items;
  }

  getProject(project: string): Promise<BisonProject> {
    return this.request<BisonProject>(
      `/projects/${encodeURIComponent(project)}`,
    );
  }

  async listComputeResources(): Promise<ComputeResource[]> {
    const list = await this.request<{ items: ComputeResource[] }>('/resources');
    return list.items;
  }

  async listNodes(): Promise<BisonNode[]> {
    const list = await this.request<{ items: BisonNode[] }>('/nodes');
    return list.items;
  }

  assignNode(node: string, team: string): Promise<BisonNode> {
    return this.send<BisonNode>('POST', `${nodePath(node)}/assign`, { team });
  }

  releaseNode(node: string): Promise<BisonNode> {
    return this.request<BisonNode>(`${nodePath(node)}/release`, {
      method: 'POST',
    });
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

  getPrices(): Promise<PriceBooks> {
    return this.request<PriceBooks>('/prices');
  }

  putPrices(request: NewPriceBook): Promise<PriceBook> {
    return this.send<PriceBook>('PUT', '/prices', request);
  }

  previewPrices(request: PricePreviewRequest): Promise<PricePreview> {
    return this.send<PricePreview>('POST', '/prices/preview', request);
  }

  getBillingStatus(): Promise<BillingStatus> {
    return this.request<BillingStatus>('/billing/status');
  }

  async listBillingRuns(): Promise<BillingRun[]> {
    const list = await this.request<{ items: BillingRun[] }>('/billing/runs');
    return list.items;
  }

  startBillingRun(): Promise<BillingRun> {
    return this.request<BillingRun>('/billing/runs', { method: 'POST' });
  }

  getTeamUsage(team: string, query: TeamUsageQuery = {}): Promise<TeamUsage> {
    const params = rangeParams(query);
    if (query.granularity) params.set('granularity', query.granularity);
    if (query.groupBy) params.set('groupBy', query.groupBy);
    return this.request<TeamUsage>(
      `${teamPath(team)}/usage${queryString(params)}`,
    );
  }

  getUsageSummary(range: UsageRange = {}): Promise<UsageSummary> {
    return this.request<UsageSummary>(
      `/usage/summary${queryString(rangeParams(range))}`,
    );
  }

  getEnforcement(
    team: string,
    options: { preview?: boolean } = {},
  ): Promise<TeamEnforcement> {
    const query = options.preview === false ? '?preview=false' : '';
    return this.request<TeamEnforcement>(
      `${teamPath(team)}/enforcement${query}`,
    );
  }

  updateEnforcement(
    team: string,
    overrides: EnforcementOverrides,
  ): Promise<TeamEnforcement> {
    return this.send<TeamEnforcement>(
      'PUT',
      `${teamPath(team)}/enforcement`,
      overrides,
    );
  }

  suspendTeam(team: string, request: SuspendRequest): Promise<TeamEnforcement> {
    return this.send<TeamEnforcement>(
      'POST',
      `${teamPath(team)}/suspend`,
      request,
    );
  }

  resumeTeam(team: string, request: ResumeRequest): Promise<TeamEnforcement> {
    return this.send<TeamEnforcement>(
      'POST',
      `${teamPath(team)}/resume`,
      request,
    );
  }

  async listTeamsAtRisk(): Promise<TeamAtRisk[]> {
    const list = await this.request<{ items: TeamAtRisk[] }>(
      '/enforcement/teams',
    );
    return list.items;
  }

  listAlertChannels(
    options: { team?: string } = {},
  ): Promise<AlertChannelList> {
    return this.request<AlertChannelList>(
      `/alerts/channels${queryString(toParams({ team: options.team }))}`,
    );
  }

  createAlertChannel(channel: NewAlertChannel): Promise<AlertChannel> {
    return this.send<AlertChannel>('POST', '/alerts/channels', channel);
  }

  updateAlertChannel(
    id: string,
    patch: AlertChannelPatch,
  ): Promise<AlertChannel> {
    return this.send<AlertChannel>('PATCH', channelPath(id), patch);
  }

  async deleteAlertChannel(id: string): Promise<void> {
    await this.fetch(channelPath(id), { method: 'DELETE' });
  }

  testAlertChannel(id: string): Promise<AlertChannelTestResult> {
    return this.send<AlertChannelTestResult>(
      'POST',
      `${channelPath(id)}/test`,
      {},
    );
  }

  getAlertRules(): Promise<AlertRules> {
    return this.request<AlertRules>('/alerts/rules');
  }

  putAlertRules(rules: AlertRulesInput): Promise<AlertRules> {
    return this.send<AlertRules>('PUT', '/alerts/rules', rules);
  }

  listAlertDeliveries(
    query: AlertHistoryQuery = {},
  ): Promise<AlertDeliveryPage> {
    return this.request<AlertDeliveryPage>(
      `/alerts/history${queryString(toParams({ ...query }))}`,
    );
  }

  retryAlertDelivery(id: string): Promise<AlertDelivery> {
    return this.send<AlertDelivery>(
      'POST',
      `/alerts/deliveries/${encodeURIComponent(id)}/retry`,
      {},
    );
  }

  getTeamAlerts(team: string): Promise<TeamAlerts> {
    return this.request<TeamAlerts>(`${teamPath(team)}/alerts`);
  }

  listTeamStatements(team: string): Promise<StatementMonths> {
    return this.request<StatementMonths>(`${teamPath(team)}/statements`);
  }

  getTeamStatement(team: string, month: string): Promise<Statement> {
    return this.request<Statement>(statementPath(team, month));
  }

  async downloadTeamStatement(
    team: string,
    month: string,
    format: StatementFormat,
  ): Promise<Blob> {
    const params = new URLSearchParams({ format });
    const response = await this.fetch(
      `${statementPath(team, month)}${queryString(params)}`,
      { headers: { Accept: STATEMENT_MEDIA_TYPES[format] } },
    );
    return response.blob();
  }

  getTeamReport(range: ReportRange = {}): Promise<TeamReport> {
    return this.request<TeamReport>(
      `/reports/teams${queryString(rangeParams(range))}`,
    );
  }

  getProjectReport(range: ReportRange = {}): Promise<ProjectReport> {
    return this.request<ProjectReport>(
      `/reports/projects${queryString(rangeParams(range))}`,
    );
  }

  downloadTeamReportCsv(range: ReportRange = {}): Promise<Blob> {
    return this.downloadCsv('/reports/teams', range);
  }

  downloadProjectReportCsv(range: ReportRange = {}): Promise<Blob> {
    return this.downloadCsv('/reports/projects', range);
  }

  listActivity(query: ActivityQuery = {}): Promise<ActivityPage> {
    return this.request<ActivityPage>(
      `/activity${queryString(toParams(query))}`,
    );
  }

  getReconciliation(query: ReconciliationQuery = {}): Promise<Reconciliation> {
    return this.request<Reconciliation>(
      `/billing/reconciliation${queryString(toParams(query))}`,
    );
  }

  runReconciliationCheck(
    request: ReconciliationCheckRequest = {},
  ): Promise<ReconciliationCheck> {
    return this.send<ReconciliationCheck>(
      'POST',
      '/billing/reconciliation/checks',
      request,
    );
  }

  settleReconciliationDifference(
    id: string,
    request: SettleDifferenceRequest = {},
  ): Promise<SettledDifference> {
    return this.send<SettledDifference>(
      'POST',
      `/billing/reconciliation/${encodeURIComponent(id)}/settle`,
      request,
    );
  }

  private async downloadCsv(path: string, range: ReportRange): Promise<Blob> {
    const params = rangeParams(range);
    params.set('format', 'csv');
    const response = await this.fetch(`${path}${queryString(params)}`, {
      headers: { Accept: 'text/csv' },
    });
    return response.blob();
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

  private send<T>(method: string, path: string, body: object): Promise<T> {
    return this.request<T>(path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
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

function teamProjectPath(team: string, project: string): string {
  return `${teamPath(team)}/projects/${encodeURIComponent(project)}`;
}

function statementPath(team: string, month: string): string {
  return `${teamPath(team)}/statements/${encodeURIComponent(month)}`;
}

function channelPath(id: string): string {
  return `/alerts/channels/${encodeURIComponent(id)}`;
}

function nodePath(node: string): string {
  return `/nodes/${encodeURIComponent(node)}`;
}

function rangeParams(range: UsageRange): URLSearchParams {
  return toParams({ from: range.from, to: range.to });
}

function filterParams(filter: TransactionFilter): URLSearchParams {
  return toParams({ kind: filter.kind, from: filter.from, to: filter.to });
}

/** The query's set (non-empty) values as parameters, in the order given. */
function toParams(
  query: Record<string, string | number | undefined>,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  return params;
}

function queryString(params: URLSearchParams): string {
  const text = params.toString();
  return text ? `?${text}` : '';
}
