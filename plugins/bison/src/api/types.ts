import type { ApiQuery, ApiSchemas as S } from '@bison/plugin-bison-common';
/*
 * Shapes of the Bison backend API, generated from its OpenAPI document
 * (plugins/bison-backend/src/schema/openapi.yaml), under the names the
 * frontend uses. Money is always a decimal string ("100.50"); instants are
 * RFC 3339 strings.
 */

/**
 * A decimal amount in the installation currency, e.g. "100.50".
 *
 * @public
 */
export type Money = S['Money'];

/** @public */
export type BisonCurrency = S['Currency'];
/** @public */
export type BisonSettings = S['Settings'];
/** @public */
export type WalletSummary = S['WalletSummary'];
/** @public */
export type BisonTeam = S['Team'];
/** @public */
export type Wallet = S['Wallet'];
/** @public */
export type Transaction = S['Transaction'];
/** @public */
export type TransactionPage = S['TransactionPage'];

/**
 * Which page of ledger entries to read.
 *
 * @public
 */
export type TransactionQuery = Omit<
  ApiQuery<'ListWalletTransactions'>,
  'format'
>;

/**
 * Which ledger entries to read (or export as CSV).
 *
 * @public
 */
export type TransactionFilter = Pick<TransactionQuery, 'kind' | 'from' | 'to'>;

/** @public */
export type RechargeRequest = S['RechargeRequest'];
/** @public */
export type AdjustmentRequest = S['AdjustmentRequest'];

/**
 * The ledger entry a recharge or adjustment created, and the wallet after it;
 * `replayed` when the backend answered a retry with the first result (its
 * Idempotent-Replayed header).
 *
 * @public
 */
export type PostingResult = S['PostingResponse'] & { replayed: boolean };

/** @public */
export type AutoRechargeSchedule = S['AutoRechargeSchedule'];
/** @public */
export type AutoRechargeThreshold = S['AutoRechargeThreshold'];
/** @public */
export type AutoRechargePolicyInput = S['AutoRechargePolicyInput'];
/** @public */
export type AutoRechargePolicy = S['AutoRechargePolicy'];

/**
 * Kubernetes quantities by quota key (`requests.cpu`, `requests.memory`,
 * `requests.nvidia.com/gpu`, `limits.memory`, `pods`), units kept as
 * written: `{ 'requests.memory': '64Gi', 'requests.cpu': '500m' }`.
 *
 * @public
 */
export type ResourceList = S['ResourceList'];
/** @public */
export type QuotaInput = S['QuotaInput'];
/** @public */
export type QuotaStatus = S['QuotaStatus'];

/**
 * shared: the team's pods run on any node not reserved for another team;
 * exclusive: only on the nodes assigned to the team.
 *
 * @public
 */
export type Pool = S['Pool'];

/**
 * A Capsule Tenant owner.
 *
 * @public
 */
export type TenantOwner = S['Owner'];
/** @public */
export type TenancyStatus = S['TenancyStatus'];
/** @public */
export type CreateTeamRequest = S['CreateTeamRequest'];
/** @public */
export type UpdateTeamRequest = S['UpdateTeamRequest'];
/** @public */
export type BisonProject = S['Project'];
/** @public */
export type CreateProjectRequest = S['CreateProjectRequest'];
/** @public */
export type UpdateProjectRequest = S['UpdateProjectRequest'];
/** @public */
export type TeamQuota = S['TeamQuota'];
/** @public */
export type ComputeResource = S['ComputeResource'];
/** @public */
export type BisonNode = S['Node'];

/** @public */
export type Price = S['Price'];
/** @public */
export type PriceBook = S['PriceBook'];
/** @public */
export type PriceBooks = S['PriceBooks'];
/** @public */
export type NewPriceBook = S['NewPriceBook'];
/** @public */
export type PricePreviewRequest = S['PricePreviewRequest'];
/** @public */
export type PricePreview = S['PricePreview'];
/** @public */
export type PricePreviewLine = PricePreview['lines'][number];

/** @public */
export type BillingRun = S['BillingRun'];
/** @public */
export type BillingRunStatus = BillingRun['status'];
/** @public */
export type BillingStatus = S['BillingStatus'];
/** @public */
export type FailedBillingWindow = BillingStatus['failedWindows'][number];

/** @public */
export type TeamUsage = S['TeamUsage'];
/** @public */
export type TeamUsageQuery = ApiQuery<'GetTeamUsage'>;
/** @public */
export type UsageGranularity = TeamUsage['granularity'];
/** @public */
export type UsageGroupBy = TeamUsage['groupBy'];
/** @public */
export type UsageBucket = S['UsageBucket'];
/** @public */
export type UsageTotal = TeamUsage['totals'][number];
/** @public */
export type UsageSummary = S['UsageSummary'];
/** @public */
export type UsageRange = ApiQuery<'GetUsageSummary'>;

/**
 * enforce suspends in the cluster; warn computes states and events but
 * changes nothing in the cluster.
 *
 * @public
 */
export type EnforcementMode = S['EnforcementMode'];
/** @public */
export type SuspensionStep = S['SuspensionStep'];
/** @public */
export type EnforcementSettings = S['EnforcementSettings'];
/** @public */
export type EnforcementOverrides = S['EnforcementOverrides'];
/** @public */
export type Forecast = S['Forecast'];
/** @public */
export type SuspensionAction = S['SuspensionAction'];
/** @public */
export type SuspensionActionStatus = SuspensionAction['status'];
/** @public */
export type Suspension = S['Suspension'];
/** @public */
export type StoppedWorkload = S['StoppedWorkload'];
/** @public */
export type SuspensionPreview = S['SuspensionPreview'];
/** @public */
export type TeamEnforcement = S['Enforcement'];
/** @public */
export type SuspendRequest = S['SuspendRequest'];
/** @public */
export type ResumeRequest = S['ResumeRequest'];
/** @public */
export type TeamAtRisk = S['TeamAtRisk'];

/** @public */
export type AlertSeverity = S['AlertSeverity'];
/** @public */
export type AlertRuleKind = S['AlertRuleKind'];
/** @public */
export type AlertRule = S['AlertRule'];
/** @public */
export type AlertRules = S['AlertRules'];
/** @public */
export type AlertRulesInput = S['AlertRulesInput'];
/** @public */
export type AlertChannelType = S['AlertChannelType'];
/** @public */
export type AlertChannel = S['AlertChannel'];
/** @public */
export type AlertChannelList = S['AlertChannelList'];
/** @public */
export type NewAlertChannel = S['NewAlertChannel'];
/** @public */
export type AlertChannelPatch = S['AlertChannelPatch'];
/** @public */
export type AlertChannelTestResult = S['AlertChannelTestResult'];
/** @public */
export type AlertDelivery = S['AlertDelivery'];
/** @public */
export type AlertDeliveryStatus = S['AlertDeliveryStatus'];
/** @public */
export type AlertDeliveryPage = S['AlertDeliveryPage'];
/** @public */
export type FiringAlert = S['FiringAlert'];
/** @public */
export type TeamAlerts = S['TeamAlerts'];

/**
 * Which deliveries of the alert history to read.
 *
 * @public
 */
export type AlertHistoryQuery = ApiQuery<'ListAlertDeliveries'>;

/** @public */
export type StatementMonth = S['StatementMonth'];
/** @public */
export type StatementMonths = S['StatementMonths'];
/** @public */
export type StatementEntry = S['StatementEntry'];
/** @public */
export type StatementUsageLine = S['StatementUsageLine'];
/** @public */
export type Statement = S['Statement'];
/** @public */
export type StatementTotals = Statement['totals'];

/**
 * The files a statement downloads as: a CSV of its lines or an A4 PDF.
 *
 * @public
 */
export type StatementFormat = Exclude<
  NonNullable<ApiQuery<'GetTeamStatement'>['format']>,
  'json'
>;

/** @public */
export type TeamReport = S['TeamReport'];
/** @public */
export type TeamReportRow = S['TeamReportRow'];
/** @public */
export type ProjectReport = S['ProjectReport'];
/** @public */
export type ProjectReportRow = ProjectReport['projects'][number];

/**
 * The period of a report: RFC 3339 instants, `from` inclusive, `to`
 * exclusive; the backend defaults to the 30 days up to now.
 *
 * @public
 */
export type ReportRange = Omit<ApiQuery<'GetTeamReport'>, 'format'>;

/** @public */
export type ActivityEntry = S['ActivityEntry'];
/** @public */
export type ActivityPage = S['ActivityPage'];
/**
 * Which changes to list: by team, actor, action and time (`from`
 * inclusive, `to` exclusive), newest first, a page at a time.
 *
 * @public
 */
export type ActivityQuery = ApiQuery<'ListActivity'>;

/** @public */
export type Reconciliation = S['Reconciliation'];
/** @public */
export type ReconciliationCheck = S['ReconciliationCheck'];
/** @public */
export type ReconciliationDifference = S['ReconciliationDifference'];
/** @public */
export type ReconciliationDifferenceStatus = ReconciliationDifference['status'];
/** @public */
export type ReconciliationLine = S['ReconciliationLine'];
/**
 * Which differences to read: `status` open by default, `all` for every
 * status.
 *
 * @public
 */
export type ReconciliationQuery = ApiQuery<'GetReconciliation'>;
/** @public */
export type ReconciliationCheckRequest = S['ReconciliationCheckRequest'];
/** @public */
export type SettleDifferenceRequest = S['SettleDifferenceRequest'];
/** @public */
export type SettledDifference = S['SettledDifference'];
