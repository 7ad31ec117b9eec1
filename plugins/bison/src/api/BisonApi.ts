import { createApiRef } from '@backstage/core-plugin-api';
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

  /**
   * Creates the team: its Capsule Tenant bound to the Group, its record and
   * its empty wallet.
   */
  createTeam(request: CreateTeamRequest): Promise<BisonTeam>;

  /** Changes only the fields sent. */
  updateTeam(team: string, request: UpdateTeamRequest): Promise<BisonTeam>;

  /**
   * Deletes the Tenant and archives the wallet. Refused (409) while the team
   * has projects, unless `cascade` also deletes them.
   */
  deleteTeam(team: string, options?: { cascade?: boolean }): Promise<void>;

  listTeamProjects(team: string): Promise<BisonProject[]>;

  createProject(
    team: string,
    request: CreateProjectRequest,
  ): Promise<BisonProject>;

  getTeamProject(team: string, project: string): Promise<BisonProject>;

  /** Changes only the fields sent. */
  updateProject(
    team: string,
    project: string,
    request: UpdateProjectRequest,
  ): Promise<BisonProject>;

  deleteProject(team: string, project: string): Promise<void>;

  /** Replaces the project's own ResourceQuota. */
  putProjectQuota(
    team: string,
    project: string,
    quota: QuotaInput,
  ): Promise<BisonProject>;

  /** Hard and used per resource for the team and each of its projects. */
  getTeamQuota(team: string): Promise<TeamQuota>;

  /** Replaces the team quota (the Tenant's resource quotas). */
  putTeamQuota(team: string, quota: QuotaInput): Promise<TeamQuota>;

  /** Projects of every team the caller may read. */
  listProjects(): Promise<BisonProject[]>;

  /** One project by namespace name, whatever its team. */
  getProject(project: string): Promise<BisonProject>;

  /** The resources quotas can name: cpu, memory, GPUs, pods and extended resources. */
  listComputeResources(): Promise<ComputeResource[]>;

  /** Nodes with their pool, capacity and allocatable. */
  listNodes(): Promise<BisonNode[]>;

  /** Reserves the node for a team; 409 when another team holds it. */
  assignNode(node: string, team: string): Promise<BisonNode>;

  /** Returns the node to the shared pool. */
  releaseNode(node: string): Promise<BisonNode>;

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

  /** The price book in effect now and every version, newest first. */
  getPrices(): Promise<PriceBooks>;

  /**
   * Creates a new price book version, effective from `effectiveFrom` (now
   * when absent). Refused (409) before windows that are billed already.
   */
  putPrices(request: NewPriceBook): Promise<PriceBook>;

  /** Cost of resources for a number of hours at the current prices. */
  previewPrices(request: PricePreviewRequest): Promise<PricePreview>;

  /** Watermark, lag, pending and failed windows, source and last run. */
  getBillingStatus(): Promise<BillingStatus>;

  /** The latest billing runs, newest first. */
  listBillingRuns(): Promise<BillingRun[]>;

  /** Runs the billing engine now; resolves with the finished run. */
  startBillingRun(): Promise<BillingRun>;

  /** The team's cost over time, by resource or by project. */
  getTeamUsage(team: string, query?: TeamUsageQuery): Promise<TeamUsage>;

  /** Cost of every team, ranked, with unallocated usage and a daily trend. */
  getUsageSummary(range?: UsageRange): Promise<UsageSummary>;

  /**
   * The team's wallet state, grace period, forecast, settings and current
   * (or last) suspension. `preview: false` skips the preview of what a
   * suspension would stop, which reads the cluster.
   */
  getEnforcement(
    team: string,
    options?: { preview?: boolean },
  ): Promise<TeamEnforcement>;

  /** Replaces the team's own settings; null or absent fields take the default. */
  updateEnforcement(
    team: string,
    overrides: EnforcementOverrides,
  ): Promise<TeamEnforcement>;

  /**
   * Suspends the team now, or changes the reason and hold of its current
   * suspension.
   */
  suspendTeam(team: string, request: SuspendRequest): Promise<TeamEnforcement>;

  /** Lifts the suspension; 409 when the team is not suspended. */
  resumeTeam(team: string, request: ResumeRequest): Promise<TeamEnforcement>;

  /** Teams low, overdue or suspended: suspended first, then overdue, then low. */
  listTeamsAtRisk(): Promise<TeamAtRisk[]>;

  /**
   * The alert channels the caller may manage (global ones for admins, a
   * team's for who may update it; only `team`'s when given) and the
   * channel types installed.
   */
  listAlertChannels(options?: { team?: string }): Promise<AlertChannelList>;

  /** Creates a channel; a global one unless `team` is given. */
  createAlertChannel(channel: NewAlertChannel): Promise<AlertChannel>;

  /** Changes a channel; secrets left out are kept. */
  updateAlertChannel(
    id: string,
    patch: AlertChannelPatch,
  ): Promise<AlertChannel>;

  deleteAlertChannel(id: string): Promise<void>;

  /** Sends a test message now and says how the receiver answered. */
  testAlertChannel(id: string): Promise<AlertChannelTestResult>;

  getAlertRules(): Promise<AlertRules>;

  /** Replaces every rule. */
  putAlertRules(rules: AlertRulesInput): Promise<AlertRules>;

  /** Deliveries, newest first, a page at a time. */
  listAlertDeliveries(query?: AlertHistoryQuery): Promise<AlertDeliveryPage>;

  /** Sends a failed delivery again. */
  retryAlertDelivery(id: string): Promise<AlertDelivery>;

  /** The team's firing alerts and its delivery history. */
  getTeamAlerts(team: string): Promise<TeamAlerts>;

  /**
   * The months the team has a statement for, newest first, and the time
   * zone they start in.
   */
  listTeamStatements(team: string): Promise<StatementMonths>;

  /** The team's wallet over one month (`YYYY-MM`), reconciled to the ledger. */
  getTeamStatement(team: string, month: string): Promise<Statement>;

  /** The statement as a CSV of its lines or as an A4 PDF. */
  downloadTeamStatement(
    team: string,
    month: string,
    format: StatementFormat,
  ): Promise<Blob>;

  /**
   * Every team's cost over the period, ranked, against the previous period
   * of the same length, with its balance and state now. Needs
   * `bison.reports.read` (else 403).
   */
  getTeamReport(range?: ReportRange): Promise<TeamReport>;

  /**
   * Every namespace's cost over the period, unallocated ones included.
   * Needs `bison.reports.read` (else 403).
   */
  getProjectReport(range?: ReportRange): Promise<ProjectReport>;

  /** The team report as CSV, a row per team. */
  downloadTeamReportCsv(range?: ReportRange): Promise<Blob>;

  /** The project report as CSV, a row per namespace. */
  downloadProjectReportCsv(range?: ReportRange): Promise<Blob>;

  /**
   * Changes made in Bison, newest first: all of them with
   * `bison.reports.read`, else those of the caller's teams.
   */
  listActivity(query?: ActivityQuery): Promise<ActivityPage>;

  /**
   * The last check of billed windows against the usage source and the
   * differences it found. Needs `bison.reports.read`.
   */
  getReconciliation(query?: ReconciliationQuery): Promise<Reconciliation>;

  /** Checks billed windows now. Needs `bison.billing.operate`. */
  runReconciliationCheck(
    request?: ReconciliationCheckRequest,
  ): Promise<ReconciliationCheck>;

  /**
   * Settles an open difference with one adjustment of the team's wallet.
   * Needs `bison.wallet.adjust` on the team.
   */
  settleReconciliationDifference(
    id: string,
    request?: SettleDifferenceRequest,
  ): Promise<SettledDifference>;
}

/** @public */
export const bisonApiRef = createApiRef<BisonApi>({ id: 'plugin.bison.api' });
