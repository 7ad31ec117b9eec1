import type { TransactionKind, WalletState } from '@bison/plugin-bison-common';
/*
 * Shapes of the Bison backend API (plugins/bison-backend/src/schema/openapi.yaml).
 * Money is always a decimal string ("100.50"); instants are RFC 3339 strings.
 */

/**
 * A decimal amount in the installation currency, e.g. "100.50".
 *
 * @public
 */
export type Money = string;

/** @public */
export interface BisonCurrency {
  /** ISO 4217 code, e.g. USD. */
  code: string;
  symbol: string;
  /** Decimal places accepted in amounts. */
  minorUnits: number;
}

/** @public */
export interface BisonSettings {
  currency: BisonCurrency;
  billingWindowMinutes: number;
}

/** @public */
export interface WalletSummary {
  balance: Money;
  currency: string;
  state: WalletState;
}

/** @public */
export interface BisonTeam {
  /** The tenant name, unique. */
  name: string;
  /** Entity ref of the catalog Group, e.g. group:default/ml-team. */
  groupRef: string;
  displayName: string;
  description?: string;
  createdAt: string;
  createdBy: string;
  wallet?: WalletSummary;
  owners?: TenantOwner[];
  pool?: Pool;
  /** The team quota: hard limits and current use, by quota key. */
  quota?: QuotaStatus;
  projectCount?: number;
  tenancy?: TenancyStatus;
}

/** @public */
export interface Wallet {
  team: string;
  balance: Money;
  currency: string;
  state: WalletState;
  creditLimit: Money;
  lastRecharge: { amount: Money; at: string } | null;
  updatedAt: string;
}

/** @public */
export interface Transaction {
  id: string;
  kind: TransactionKind;
  /** Signed: negative for usage. */
  amount: Money;
  balanceAfter: Money;
  actor: string;
  reason?: string;
  windowStart?: string;
  windowEnd?: string;
  createdAt: string;
}

/** @public */
export interface TransactionPage {
  items: Transaction[];
  /** Pass as `cursor` to read the next (older) page; absent on the last page. */
  nextCursor?: string;
}

/**
 * Which ledger entries to read.
 *
 * @public
 */
export interface TransactionFilter {
  kind?: TransactionKind;
  /** Entries created at or after this RFC 3339 instant. */
  from?: string;
  /** Entries created before this RFC 3339 instant. */
  to?: string;
}

/** @public */
export interface TransactionQuery extends TransactionFilter {
  /** Page size, 1 to 200 (backend default 50). */
  limit?: number;
  cursor?: string;
}

/** @public */
export interface RechargeRequest {
  amount: Money;
  reason?: string;
}

/** @public */
export interface AdjustmentRequest {
  /** Signed amount, e.g. "-12.50". */
  amount: Money;
  reason: string;
}

/**
 * The ledger entry a recharge or adjustment created, and the wallet after it.
 *
 * @public
 */
export interface PostingResult {
  transaction: Transaction;
  wallet: Wallet;
  /** True when the backend answered a retry with the first result. */
  replayed: boolean;
}

/**
 * A scheduled top-up: weekly on `weekday` (1 = Monday to 7 = Sunday) or
 * monthly on `dayOfMonth` (1 to 28), of a fixed amount.
 *
 * @public
 */
export type AutoRechargeSchedule =
  | { every: 'week'; weekday: number; amount: Money }
  | { every: 'month'; dayOfMonth: number; amount: Money };

/** @public */
export interface AutoRechargeThreshold {
  below: Money;
  topUpTo: Money;
}

/** @public */
export interface AutoRechargePolicyInput {
  enabled: boolean;
  scheduled: AutoRechargeSchedule | null;
  threshold: AutoRechargeThreshold | null;
  monthlyCap: Money | null;
}

/** @public */
export interface AutoRechargePolicy extends AutoRechargePolicyInput {
  effectiveFrom?: string;
  updatedAt?: string;
  updatedBy?: string;
}

/**
 * Kubernetes quantities by quota key (`requests.cpu`, `requests.memory`,
 * `requests.nvidia.com/gpu`, `limits.memory`, `pods`), units kept as
 * written: `{ 'requests.memory': '64Gi', 'requests.cpu': '500m' }`.
 *
 * @public
 */
export type ResourceList = Record<string, string>;

/** @public */
export interface QuotaInput {
  hard: ResourceList;
}

/** @public */
export interface QuotaStatus {
  hard: ResourceList;
  used: ResourceList;
}

/**
 * shared: the team's pods run on any node not reserved for another team;
 * exclusive: only on the nodes assigned to the team.
 *
 * @public
 */
export type Pool = 'shared' | 'exclusive';

/**
 * A Capsule Tenant owner.
 *
 * @public
 */
export interface TenantOwner {
  kind: 'User' | 'Group' | 'ServiceAccount';
  name: string;
}

/**
 * How the team's Capsule Tenant compares with what Bison last wrote.
 *
 * @public
 */
export interface TenancyStatus {
  status: 'ok' | 'missing' | 'drifted' | 'unknown';
  problems: string[];
  checkedAt?: string;
}

/** @public */
export interface CreateTeamRequest {
  /** Tenant name; defaults to the Group's bison.io/tenant annotation, else its name. */
  name?: string;
  /** Entity ref of the catalog Group, e.g. group:default/ml-team. */
  groupRef: string;
  displayName?: string;
  description?: string;
  /** Defaults to the Group itself. */
  owners?: TenantOwner[];
  quota?: QuotaInput;
  pool?: Pool;
}

/**
 * Changes only the fields sent; `quota: null` removes the team quota.
 *
 * @public
 */
export interface UpdateTeamRequest {
  displayName?: string;
  description?: string;
  owners?: TenantOwner[];
  quota?: QuotaInput | null;
  pool?: Pool;
}

/**
 * A project: a namespace in the team's Tenant.
 *
 * @public
 */
export interface BisonProject {
  /** The namespace name. */
  name: string;
  team: string;
  displayName: string;
  description?: string;
  /** Namespace phase, Active or Terminating. */
  phase: string;
  createdAt: string;
  quota?: QuotaStatus;
}

/** @public */
export interface CreateProjectRequest {
  /** Namespace name, a DNS-1123 label. */
  name: string;
  displayName?: string;
  description?: string;
  quota?: QuotaInput;
}

/**
 * Changes only the fields sent.
 *
 * @public
 */
export interface UpdateProjectRequest {
  displayName?: string;
  description?: string;
}

/** @public */
export interface TeamQuota {
  team: QuotaStatus;
  projects: { name: string; quota: QuotaStatus }[];
}

/**
 * A resource quotas and prices can name, e.g. cpu, memory, nvidia.com/gpu.
 *
 * @public
 */
export interface ComputeResource {
  key: string;
  displayName: string;
  /** Unit of quota input and display, e.g. cores, GiB, devices. */
  unit: string;
  /** The ResourceQuota keys that limit this resource. */
  quotaKeys: string[];
  /** Whether any node currently advertises it. */
  onNodes: boolean;
}

/** @public */
export interface BisonNode {
  name: string;
  /** The team the node is reserved for; absent for shared nodes. */
  team?: string;
  ready: boolean;
  unschedulable: boolean;
  gpuModel?: string;
  capacity: ResourceList;
  allocatable: ResourceList;
}

/**
 * The price of one resource key per unit-hour (core-hour for cpu, GiB-hour
 * for memory, device-hour otherwise).
 *
 * @public
 */
export interface Price {
  /** Resource key, e.g. cpu, memory, nvidia.com/gpu, nvidia.com/gpu:A100. */
  resource: string;
  /** Decimal, up to 6 decimals, e.g. "2.50". */
  pricePerHour: Money;
}

/**
 * One version of the prices; usage windows are priced by the version in
 * effect at their start.
 *
 * @public
 */
export interface PriceBook {
  version: number;
  effectiveFrom: string;
  prices: Price[];
  note?: string;
  createdAt: string;
  createdBy: string;
}

/** @public */
export interface PriceBooks {
  /** The version in effect now. */
  current: PriceBook;
  /** Every version, newest first, including scheduled (future) ones. */
  history: PriceBook[];
}

/** @public */
export interface NewPriceBook {
  /** RFC 3339 instant; the backend defaults it to now. */
  effectiveFrom?: string;
  prices: Price[];
  note?: string;
}

/** @public */
export interface PricePreviewRequest {
  /** Kubernetes quantities per resource key, e.g. 4, 500m, 64Gi. */
  resources: { resource: string; quantity: string }[];
  /** Decimal number of hours, e.g. "730". */
  hours: string;
}

/** @public */
export interface PricePreviewLine {
  resource: string;
  /** Core-, GiB- or device-hours. */
  unitHours: string;
  pricePerHour: Money;
  cost: Money;
}

/** @public */
export interface PricePreview {
  /** The price book version used. */
  version: number;
  lines: PricePreviewLine[];
  total: Money;
}

/** @public */
export type BillingRunStatus = 'running' | 'succeeded' | 'failed' | 'aborted';

/** @public */
export interface BillingRun {
  id: string;
  trigger: 'schedule' | 'manual';
  actor?: string;
  startedAt: string;
  finishedAt?: string;
  status: BillingRunStatus;
  windowsBilled: number;
  windowsPending: number;
  error?: string;
}

/** @public */
export interface FailedBillingWindow {
  start: string;
  attempts: number;
  lastError: string;
}

/** @public */
export interface BillingStatus {
  windowMinutes: number;
  settleDelayMinutes: number;
  /** The usage source billing reads, and whether it is installed. */
  source: { id: string; registered: boolean; lastError?: string };
  /** End of the last billed window; null before the first. */
  watermark: string | null;
  /** Minutes from the watermark to now. */
  lagMinutes: number | null;
  pendingWindows: number;
  failedWindows: FailedBillingWindow[];
  lastRun?: BillingRun;
}

/** @public */
export type UsageGranularity = 'hour' | 'day' | 'month';

/** @public */
export type UsageGroupBy = 'resource' | 'project';

/**
 * A time range: `from` inclusive, `to` exclusive, RFC 3339 instants. The
 * backend defaults `to` to now and `from` to 30 days before `to`.
 *
 * @public
 */
export interface UsageRange {
  from?: string;
  to?: string;
}

/** @public */
export interface TeamUsageQuery extends UsageRange {
  /** Bucket size; the backend default is day. */
  granularity?: UsageGranularity;
  /** Break down by resource key or by project; the backend default is resource. */
  groupBy?: UsageGroupBy;
}

/**
 * Cost (and, by resource, unit-hours) of one key in one bucket.
 *
 * @public
 */
export interface UsageBucket {
  /** UTC start of the bucket. */
  start: string;
  /** The resource key or the project, by groupBy. */
  key: string;
  /** Unit-hours, when grouped by resource. */
  quantity?: string;
  cost: Money;
}

/** @public */
export interface UsageTotal {
  key: string;
  quantity?: string;
  cost: Money;
}

/** @public */
export interface TeamUsage {
  team: string;
  from: string;
  to: string;
  granularity: UsageGranularity;
  groupBy: UsageGroupBy;
  buckets: UsageBucket[];
  /** Per key over the range, highest cost first. */
  totals: UsageTotal[];
  total: Money;
}

/** @public */
export interface UsageSummary {
  from: string;
  to: string;
  total: Money;
  /** Usage of namespaces that belong to no team. */
  unallocated: Money;
  /** The costliest of those namespaces, highest first (at most 10). */
  unallocatedNamespaces: { namespace: string; cost: Money }[];
  /** Highest cost first. */
  teams: { team: string; displayName: string; cost: Money; rank: number }[];
  daily: { start: string; cost: Money }[];
}

/**
 * enforce suspends in the cluster; warn computes states and events but
 * changes nothing in the cluster.
 *
 * @public
 */
export type EnforcementMode = 'enforce' | 'warn';

/**
 * A step of the suspension ladder, in the order they are applied.
 * delete-bare-pods cannot be undone.
 *
 * @public
 */
export type SuspensionStep =
  | 'cordon'
  | 'block-new-pods'
  | 'scale-workloads'
  | 'suspend-jobs'
  | 'delete-bare-pods';

/**
 * The enforcement settings in effect for a team.
 *
 * @public
 */
export interface EnforcementSettings {
  mode: EnforcementMode;
  /** Low below this balance; null when not set. */
  lowBalance: Money | null;
  /** Low when the balance lasts fewer days at the burn rate; null when not set. */
  lowRunwayDays: number | null;
  /** How far below zero the balance may go before the team is overdue. */
  creditLimit: Money;
  /** Hours from becoming overdue to suspension. */
  graceHours: number;
  /** A suspended team resumes when a posting brings its balance to this. */
  resumeBalance: Money;
  steps: SuspensionStep[];
}

/**
 * A team's own enforcement settings; an absent or null field takes the
 * installation default.
 *
 * @public
 */
export interface EnforcementOverrides {
  mode?: EnforcementMode | null;
  lowBalance?: Money | null;
  lowRunwayDays?: number | null;
  creditLimit?: Money | null;
  graceHours?: number | null;
  resumeBalance?: Money | null;
  steps?: SuspensionStep[] | null;
}

/**
 * When the balance falls below the credit limit at the current burn rate.
 *
 * @public
 */
export interface Forecast {
  burnRatePerDay: Money;
  /** Which period gave the burn rate (the higher of the two). */
  basis: 'last24h' | 'last7d' | 'none';
  /** Null when the balance never runs out at this rate. */
  runOutAt: string | null;
}

/** @public */
export type SuspensionActionStatus =
  | 'planned'
  | 'applied'
  | 'failed'
  | 'undone'
  | 'left'
  | 'gone';

/**
 * One change Bison made (or will make) in the cluster, with what was there
 * before.
 *
 * @public
 */
export interface SuspensionAction {
  step: SuspensionStep;
  kind:
    | 'Tenant'
    | 'Namespace'
    | 'Deployment'
    | 'StatefulSet'
    | 'CronJob'
    | 'Job'
    | 'Pod';
  namespace?: string;
  name: string;
  /** What the object had before, e.g. "3 replicas". */
  before: string;
  status: SuspensionActionStatus;
  error?: string;
}

/** @public */
export interface Suspension {
  id: string;
  trigger: 'grace-expired' | 'manual';
  reason: string;
  /** A held suspension is not lifted by a recharge. */
  held: boolean;
  actor: string;
  startedAt: string;
  status: 'suspending' | 'suspended' | 'resuming' | 'resumed';
  /**
   * enforce (the ladder runs), warn (nothing changed in the cluster),
   * ledger-only (no cluster is configured).
   */
  cluster: 'enforce' | 'warn' | 'ledger-only';
  actions: SuspensionAction[];
  resumedAt?: string;
  resumedBy?: string;
  resumeReason?: string;
}

/** @public */
export interface StoppedWorkload {
  kind: 'Deployment' | 'StatefulSet' | 'CronJob' | 'Job' | 'Pod';
  namespace: string;
  name: string;
  /** Pods it runs now (replicas, or a Job's parallelism; 1 for a pod). */
  replicas: number;
  /** GPUs those pods request. */
  gpus: number;
}

/**
 * What suspending the team now would stop.
 *
 * @public
 */
export interface SuspensionPreview {
  /** False when the cluster cannot be read (the reason says why). */
  available: boolean;
  reason?: string;
  namespaces: string[];
  workloads: StoppedWorkload[];
  /** GPUs requested by everything that would stop. */
  gpus: number;
}

/**
 * A team's wallet state, grace period, forecast, settings and suspension
 * (GET /teams/\{team\}/enforcement).
 *
 * @public
 */
export interface TeamEnforcement {
  team: string;
  state: WalletState;
  balance: Money;
  overdueSince: string | null;
  graceEndsAt: string | null;
  forecast: Forecast;
  /** The settings in effect. */
  settings: EnforcementSettings;
  /** The installation's settings, which the team's own override. */
  defaults: EnforcementSettings;
  /** The team's own settings; null fields take the default. */
  overrides: EnforcementOverrides;
  /** The current suspension, or the last one once resumed. */
  suspension: Suspension | null;
  /** Absent when read with `preview: false`. */
  preview?: SuspensionPreview;
}

/** @public */
export interface SuspendRequest {
  reason: string;
  /** Keep it suspended until an admin resumes it, whatever the balance. */
  hold?: boolean;
}

/** @public */
export interface ResumeRequest {
  reason: string;
}

/**
 * A team that is low, overdue or suspended.
 *
 * @public
 */
export interface TeamAtRisk {
  team: string;
  displayName: string;
  state: WalletState;
  balance: Money;
  burnRatePerDay: Money;
  runOutAt: string | null;
  graceEndsAt: string | null;
  suspendedAt: string | null;
}
