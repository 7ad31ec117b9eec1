import { ResponseError } from '@backstage/errors';
import {
  ActivityEntry,
  AlertChannel,
  AlertDelivery,
  AlertRule,
  AutoRechargePolicy,
  BillingRun,
  BillingStatus,
  BisonApi,
  BisonCurrency,
  BisonNode,
  BisonProject,
  BisonSettings,
  BisonTeam,
  ComputeResource,
  PriceBook,
  ProjectReport,
  ProjectReportRow,
  ReconciliationCheck,
  ReconciliationDifference,
  Statement,
  StatementEntry,
  StatementMonths,
  Suspension,
  TeamAtRisk,
  TeamEnforcement,
  TeamQuota,
  TeamReport,
  TeamReportRow,
  TeamUsage,
  Transaction,
  UsageSummary,
  Wallet,
} from '../api';

export const usd: BisonCurrency = { code: 'USD', symbol: '$', minorUnits: 2 };

export const settings: BisonSettings = {
  currency: usd,
  billingWindowMinutes: 60,
  reportsTimeZone: 'UTC',
};

export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 24 * 3600 * 1000).toISOString();
}

export function aTeam(overrides: Partial<BisonTeam> = {}): BisonTeam {
  return {
    name: 'ml-team',
    groupRef: 'group:default/machine-learning',
    displayName: 'Machine Learning',
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'user:default/admin',
    wallet: { balance: '1234.50', currency: 'USD', state: 'active' },
    ...overrides,
  };
}

export function aWallet(overrides: Partial<Wallet> = {}): Wallet {
  return {
    team: 'ml-team',
    balance: '1234.50',
    currency: 'USD',
    state: 'active',
    creditLimit: '0.00',
    lastRecharge: { amount: '500.00', at: daysAgo(2) },
    updatedAt: daysAgo(0),
    ...overrides,
  };
}

export function aTransaction(
  id: string,
  overrides: Partial<Transaction> = {},
): Transaction {
  return {
    id,
    kind: 'usage',
    amount: '-12.345678',
    balanceAfter: '1234.50',
    actor: 'bison:billing',
    reason: `entry ${id}`,
    createdAt: '2026-01-02T10:00:00.000Z',
    ...overrides,
  };
}

export const noPolicy: AutoRechargePolicy = {
  enabled: false,
  scheduled: null,
  threshold: null,
  monthlyCap: null,
};

/** What GET /resources answers on a cluster with NVIDIA GPUs. */
export const computeResources: ComputeResource[] = [
  {
    key: 'cpu',
    displayName: 'CPU',
    unit: 'cores',
    quotaKeys: ['requests.cpu', 'limits.cpu'],
    onNodes: true,
  },
  {
    key: 'memory',
    displayName: 'Memory',
    unit: 'GiB',
    quotaKeys: ['requests.memory', 'limits.memory'],
    onNodes: true,
  },
  {
    key: 'nvidia.com/gpu',
    displayName: 'NVIDIA GPU',
    unit: 'devices',
    quotaKeys: ['requests.nvidia.com/gpu'],
    onNodes: true,
  },
  {
    key: 'pods',
    displayName: 'Pods',
    unit: 'pods',
    quotaKeys: ['pods'],
    onNodes: true,
  },
];

export function aProject(
  name: string,
  overrides: Partial<BisonProject> = {},
): BisonProject {
  return {
    name,
    team: 'ml-team',
    displayName: name,
    phase: 'Active',
    createdAt: '2026-01-02T10:00:00.000Z',
    ...overrides,
  };
}

export function aTeamQuota(overrides: Partial<TeamQuota> = {}): TeamQuota {
  return {
    team: {
      hard: { 'requests.memory': '64Gi', 'requests.nvidia.com/gpu': '4' },
      used: { 'requests.memory': '12Gi', 'requests.nvidia.com/gpu': '4' },
    },
    projects: [],
    ...overrides,
  };
}

export function aNode(
  name: string,
  overrides: Partial<BisonNode> = {},
): BisonNode {
  return {
    name,
    ready: true,
    unschedulable: false,
    capacity: { cpu: '8', memory: '32Gi', pods: '110' },
    allocatable: { cpu: '7900m', memory: '31Gi', pods: '110' },
    ...overrides,
  };
}

export function aPriceBook(overrides: Partial<PriceBook> = {}): PriceBook {
  return {
    version: 2,
    effectiveFrom: '2026-02-01T00:00:00.000Z',
    prices: [
      { resource: 'cpu', pricePerHour: '0.04' },
      { resource: 'memory', pricePerHour: '0.005' },
      { resource: 'nvidia.com/gpu', pricePerHour: '2.50' },
    ],
    createdAt: '2026-01-30T10:00:00.000Z',
    createdBy: 'user:default/finance',
    ...overrides,
  };
}

export function aBillingRun(overrides: Partial<BillingRun> = {}): BillingRun {
  return {
    id: '41',
    trigger: 'schedule',
    startedAt: daysAgo(0),
    finishedAt: daysAgo(0),
    status: 'succeeded',
    windowsBilled: 1,
    windowsPending: 0,
    ...overrides,
  };
}

export function aBillingStatus(
  overrides: Partial<BillingStatus> = {},
): BillingStatus {
  return {
    windowMinutes: 60,
    settleDelayMinutes: 10,
    source: { id: 'opencost', registered: true },
    watermark: '2026-03-02T09:00:00.000Z',
    lagMinutes: 70,
    pendingWindows: 0,
    failedWindows: [],
    lastRun: aBillingRun(),
    ...overrides,
  };
}

/** Team usage without any bucket, as for a team that used nothing yet. */
export function aTeamUsage(overrides: Partial<TeamUsage> = {}): TeamUsage {
  return {
    team: 'ml-team',
    from: daysAgo(30),
    to: daysAgo(0),
    granularity: 'day',
    groupBy: 'resource',
    buckets: [],
    totals: [],
    total: '0.00',
    ...overrides,
  };
}

/** A summary with no spend. */
export function aUsageSummary(
  overrides: Partial<UsageSummary> = {},
): UsageSummary {
  return {
    from: daysAgo(7),
    to: daysAgo(0),
    total: '0.00',
    unallocated: '0.00',
    unallocatedNamespaces: [],
    teams: [],
    daily: [],
    ...overrides,
  };
}

/** An active team on the installation defaults, read without a preview. */
export function aTeamEnforcement(
  overrides: Partial<TeamEnforcement> = {},
): TeamEnforcement {
  return {
    team: 'ml-team',
    state: 'active',
    balance: '1234.50',
    overdueSince: null,
    graceEndsAt: null,
    forecast: { burnRatePerDay: '0.00', basis: 'none', runOutAt: null },
    settings: {
      mode: 'enforce',
      lowBalance: '50.00',
      lowRunwayDays: 3,
      creditLimit: '0.00',
      graceHours: 24,
      resumeBalance: '0.00',
      steps: ['cordon', 'block-new-pods', 'scale-workloads', 'suspend-jobs'],
    },
    defaults: {
      mode: 'enforce',
      lowBalance: '50.00',
      lowRunwayDays: 3,
      creditLimit: '0.00',
      graceHours: 24,
      resumeBalance: '0.00',
      steps: ['cordon', 'block-new-pods', 'scale-workloads', 'suspend-jobs'],
    },
    overrides: {
      mode: null,
      lowBalance: null,
      lowRunwayDays: null,
      creditLimit: null,
      graceHours: null,
      resumeBalance: null,
      steps: null,
    },
    suspension: null,
    ...overrides,
  };
}

/** A suspension after the grace period that stopped two workloads. */
export function aSuspension(overrides: Partial<Suspension> = {}): Suspension {
  return {
    id: 's1',
    trigger: 'grace-expired',
    reason: 'grace period expired',
    held: false,
    actor: 'bison:enforcement',
    startedAt: daysAgo(1),
    status: 'suspended',
    cluster: 'enforce',
    actions: [
      {
        step: 'cordon',
        kind: 'Tenant',
        name: 'ml-team',
        before: 'cordoned not set',
        status: 'applied',
      },
      {
        step: 'scale-workloads',
        kind: 'Deployment',
        namespace: 'ml-training',
        name: 'trainer',
        before: '3 replicas',
        status: 'applied',
      },
      {
        step: 'suspend-jobs',
        kind: 'Job',
        namespace: 'ml-training',
        name: 'nightly',
        before: 'not suspended',
        status: 'applied',
      },
    ],
    ...overrides,
  };
}

export function aTeamAtRisk(
  team: string,
  overrides: Partial<TeamAtRisk> = {},
): TeamAtRisk {
  return {
    team,
    displayName: team,
    state: 'low',
    balance: '40.00',
    burnRatePerDay: '20.00',
    runOutAt: new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString(),
    graceEndsAt: null,
    suspendedAt: null,
    ...overrides,
  };
}

export function anAlertChannel(
  overrides: Partial<AlertChannel> = {},
): AlertChannel {
  return {
    id: 'c0ffee00-0000-4000-8000-000000000001',
    name: 'Ops webhook',
    type: 'webhook',
    team: null,
    settings: {},
    hasSecret: true,
    enabled: true,
    createdAt: daysAgo(3),
    createdBy: 'user:default/alice',
    updatedAt: daysAgo(3),
    updatedBy: 'user:default/alice',
    ...overrides,
  };
}

export const alertChannelTypes = [
  { type: 'webhook', title: 'Signed webhook' },
  { type: 'slack', title: 'Slack incoming webhook' },
  { type: 'teams', title: 'Microsoft Teams workflow' },
  { type: 'email', title: 'E-mail (SMTP)' },
  { type: 'dingtalk', title: 'DingTalk robot' },
  { type: 'wecom', title: 'WeCom group robot' },
];

export const alertRules: AlertRule[] = [
  {
    id: 'low-balance-percent',
    kind: 'low-balance-percent',
    thresholds: { levels: [50, 25, 10] },
    enabled: true,
    teams: null,
    repeatMinutes: null,
    channels: [],
  },
  {
    id: 'low-balance',
    kind: 'low-balance',
    thresholds: { below: '100.00' },
    enabled: true,
    teams: ['ml-team'],
    repeatMinutes: 240,
    channels: ['c0ffee00-0000-4000-8000-000000000001'],
  },
  {
    id: 'quota',
    kind: 'quota',
    thresholds: { percent: 90 },
    enabled: false,
    teams: null,
    repeatMinutes: null,
    channels: [],
  },
];

export function anAlertDelivery(
  id: string,
  overrides: Partial<AlertDelivery> = {},
): AlertDelivery {
  return {
    id,
    channel: {
      id: 'c0ffee00-0000-4000-8000-000000000001',
      name: 'Ops webhook',
    },
    status: 'delivered',
    attempts: 1,
    responseCode: 200,
    lastError: null,
    nextAttemptAt: null,
    deliveredAt: daysAgo(1),
    createdAt: daysAgo(1),
    updatedAt: daysAgo(1),
    message: {
      id: `msg_${id}`,
      rule: 'low-balance-percent',
      kind: 'low-balance-percent',
      team: 'ml-team',
      subject: 'ml-team',
      severity: 'warning',
      status: 'firing',
      title: 'Machine Learning: balance below 25 % of the last recharge',
      summary: 'Machine Learning: balance below 25 % of the last recharge.',
    },
    ...overrides,
  };
}

/** Three statement months, the current one preliminary, newest first. */
export function aStatementMonths(
  overrides: Partial<StatementMonths> = {},
): StatementMonths {
  return {
    timeZone: 'UTC',
    items: [
      { month: '2026-03', preliminary: true },
      { month: '2026-02', preliminary: false },
      { month: '2026-01', preliminary: false },
    ],
    ...overrides,
  };
}

export function aStatementEntry(
  id: string,
  overrides: Partial<StatementEntry> = {},
): StatementEntry {
  return {
    id,
    createdAt: '2026-02-03T09:00:00.000Z',
    amount: '100.00',
    balanceAfter: '200.00',
    actor: 'user:default/finance',
    reason: `entry ${id}`,
    ...overrides,
  };
}

/**
 * A closed February: 100.00 opening, a recharge, an auto-recharge, a
 * refund and an adjustment, 140.50 of usage, 1234.50 closing (the totals
 * reconcile).
 */
export function aStatement(overrides: Partial<Statement> = {}): Statement {
  return {
    team: 'ml-team',
    displayName: 'Machine Learning',
    groupRef: 'group:default/machine-learning',
    currency: usd,
    month: '2026-02',
    timeZone: 'UTC',
    periodStart: '2026-02-01T00:00:00.000Z',
    periodEnd: '2026-03-01T00:00:00.000Z',
    preliminary: false,
    openingBalance: '100.00',
    closingBalance: '1234.50',
    totals: {
      recharge: '1000.00',
      auto_recharge: '250.00',
      usage: '-140.50',
      adjustment: '15.00',
      refund: '10.00',
      import: '0.00',
    },
    recharges: [
      aStatementEntry('11', {
        createdAt: '2026-02-03T09:00:00.000Z',
        amount: '1000.00',
        balanceAfter: '1080.00',
        reason: 'Q1 budget',
      }),
    ],
    autoRecharges: [
      aStatementEntry('30', {
        createdAt: '2026-02-20T00:00:00.000Z',
        amount: '250.00',
        balanceAfter: '1260.00',
        actor: 'bison:auto-recharge',
        reason: undefined,
      }),
    ],
    adjustments: [
      aStatementEntry('21', {
        createdAt: '2026-02-10T12:00:00.000Z',
        amount: '15.00',
        balanceAfter: '1030.00',
        actor: 'user:default/admin',
        reason: 'credit for the outage',
      }),
    ],
    refunds: [
      aStatementEntry('25', {
        createdAt: '2026-02-12T08:30:00.000Z',
        amount: '10.00',
        balanceAfter: '1020.00',
        reason: 'failed training job',
      }),
    ],
    imports: [],
    usage: {
      byProject: [
        { project: 'ml-training', cost: '120.25' },
        { project: 'ml-serving', cost: '20.25' },
      ],
      byResource: [
        {
          resource: 'nvidia.com/gpu:NVIDIA-A100-SXM4-80GB',
          quantity: '48',
          cost: '120.00',
        },
        { resource: 'cpu', quantity: '512.5', cost: '20.50' },
      ],
      lines: [
        {
          project: 'ml-training',
          resource: 'nvidia.com/gpu:NVIDIA-A100-SXM4-80GB',
          quantity: '48',
          cost: '120.00',
        },
        {
          project: 'ml-training',
          resource: 'cpu',
          quantity: '6.25',
          cost: '0.25',
        },
        {
          project: 'ml-serving',
          resource: 'cpu',
          quantity: '506.25',
          cost: '20.25',
        },
      ],
    },
    ledger: {
      count: 34,
      firstId: '10',
      lastId: '43',
      sha256:
        '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    },
    ...overrides,
  };
}

export function aTeamReportRow(
  team: string,
  overrides: Partial<TeamReportRow> = {},
): TeamReportRow {
  return {
    team,
    displayName: team,
    cost: '0.00',
    sharePercent: '0.0',
    previousCost: '0.00',
    change: '0.00',
    changePercent: null,
    byResource: [],
    balance: '100.00',
    state: 'active',
    ...overrides,
  };
}

/** A team report without any usage, for the 30 days up to now. */
export function aTeamReport(overrides: Partial<TeamReport> = {}): TeamReport {
  return {
    from: daysAgo(30),
    to: daysAgo(0),
    previousFrom: daysAgo(60),
    previousTo: daysAgo(30),
    total: '0.00',
    unallocated: '0.00',
    previousTotal: '0.00',
    previousUnallocated: '0.00',
    teams: [],
    ...overrides,
  };
}

export function aProjectReportRow(
  project: string,
  overrides: Partial<ProjectReportRow> = {},
): ProjectReportRow {
  return {
    project,
    team: 'ml-team',
    cost: '0.00',
    sharePercent: '0.0',
    byResource: [],
    ...overrides,
  };
}

/** A project report without any usage, for the 30 days up to now. */
export function aProjectReport(
  overrides: Partial<ProjectReport> = {},
): ProjectReport {
  return {
    from: daysAgo(30),
    to: daysAgo(0),
    total: '0.00',
    unallocated: '0.00',
    projects: [],
    ...overrides,
  };
}

export function anActivityEntry(
  id: string,
  overrides: Partial<ActivityEntry> = {},
): ActivityEntry {
  return {
    id,
    occurredAt: daysAgo(1),
    actor: 'user:default/frank',
    action: 'wallet-recharge',
    team: 'ml-team',
    summary: 'Recharged 100.00',
    before: { balance: '10.00' },
    after: { balance: '110.00' },
    ...overrides,
  };
}

export function aReconciliationCheck(
  overrides: Partial<ReconciliationCheck> = {},
): ReconciliationCheck {
  return {
    id: '7',
    trigger: 'schedule',
    startedAt: daysAgo(0),
    finishedAt: daysAgo(0),
    status: 'succeeded',
    windowsChecked: 48,
    differences: 1,
    ...overrides,
  };
}

export function aReconciliationDifference(
  id: string,
  overrides: Partial<ReconciliationDifference> = {},
): ReconciliationDifference {
  return {
    id,
    windowStart: '2026-11-02T10:00:00.000Z',
    windowEnd: '2026-11-02T11:00:00.000Z',
    team: 'ml-team',
    billed: '10.00',
    source: '12.50',
    difference: '2.50',
    status: 'open',
    firstSeenAt: daysAgo(0),
    checkedAt: daysAgo(0),
    lines: [
      {
        project: 'ml-training',
        resource: 'cpu',
        billedQuantity: '4',
        sourceQuantity: '5',
        billedCost: '10.00',
        sourceCost: '12.50',
      },
    ],
    ...overrides,
  };
}

/** A BisonApi whose every method is a jest.fn with a harmless default. */
export function mockBisonApi(
  overrides: Partial<BisonApi> = {},
): jest.Mocked<BisonApi> {
  const defaults: BisonApi = {
    getSettings: async () => settings,
    listTeams: async () => [aTeam()],
    getTeam: async name => aTeam({ name }),
    getWallet: async team => aWallet({ team }),
    listTransactions: async () => ({ items: [] }),
    downloadTransactionsCsv: async () => new Blob(['id\n']),
    recharge: async (team, request) => ({
      transaction: aTransaction('99', {
        kind: 'recharge',
        amount: request.amount,
      }),
      wallet: aWallet({ team }),
      replayed: false,
    }),
    adjust: async () => {
      throw new Error('not mocked');
    },
    getAutoRecharge: async () => noPolicy,
    putAutoRecharge: async (_team, policy) => ({
      scheduled: null,
      threshold: null,
      monthlyCap: null,
      ...policy,
    }),
    createTeam: async request =>
      aTeam({
        name: request.name ?? 'new-team',
        groupRef: request.groupRef,
        displayName: request.displayName ?? request.name ?? 'new-team',
      }),
    updateTeam: async (name, request) => ({
      ...aTeam({ name }),
      ...request,
      quota: undefined,
    }),
    deleteTeam: async () => {},
    listTeamProjects: async () => [],
    createProject: async (team, request) =>
      aProject(request.name, {
        team,
        displayName: request.displayName ?? request.name,
      }),
    getTeamProject: async (team, name) => aProject(name, { team }),
    updateProject: async (team, name, request) =>
      aProject(name, { team, ...request }),
    deleteProject: async () => {},
    putProjectQuota: async (team, name, quota) =>
      aProject(name, { team, quota: { hard: quota.hard, used: {} } }),
    getTeamQuota: async () => aTeamQuota(),
    putTeamQuota: async (_team, quota) =>
      aTeamQuota({ team: { hard: quota.hard, used: {} } }),
    listProjects: async () => [],
    getProject: async name => aProject(name),
    listComputeResources: async () => computeResources,
    listNodes: async () => [],
    assignNode: async (name, team) => aNode(name, { team }),
    releaseNode: async name => aNode(name),
    getPrices: async () => ({ current: aPriceBook(), history: [aPriceBook()] }),
    putPrices: async request =>
      aPriceBook({
        version: 3,
        prices: request.prices,
        effectiveFrom: request.effectiveFrom ?? daysAgo(0),
        note: request.note,
      }),
    previewPrices: async () => ({ version: 2, lines: [], total: '0.00' }),
    getBillingStatus: async () => aBillingStatus(),
    listBillingRuns: async () => [aBillingRun()],
    startBillingRun: async () => aBillingRun({ id: '42', trigger: 'manual' }),
    getTeamUsage: async (team, query) =>
      aTeamUsage({
        team,
        granularity: query?.granularity ?? 'day',
        groupBy: query?.groupBy ?? 'resource',
      }),
    getUsageSummary: async () => aUsageSummary(),
    getEnforcement: async team => aTeamEnforcement({ team }),
    updateEnforcement: async (team, own) =>
      aTeamEnforcement({ team, overrides: own }),
    suspendTeam: async (team, request) =>
      aTeamEnforcement({
        team,
        state: 'suspended',
        suspension: aSuspension({
          trigger: 'manual',
          reason: request.reason,
          held: request.hold ?? false,
        }),
      }),
    resumeTeam: async team => aTeamEnforcement({ team }),
    listTeamsAtRisk: async () => [],
    listAlertChannels: async () => ({
      items: [anAlertChannel()],
      types: alertChannelTypes,
    }),
    createAlertChannel: async channel =>
      anAlertChannel({
        name: channel.name,
        type: channel.type,
        team: channel.team ?? null,
      }),
    updateAlertChannel: async (id, patch) =>
      anAlertChannel({ id, ...(patch.name ? { name: patch.name } : {}) }),
    deleteAlertChannel: async () => {},
    testAlertChannel: async () => ({
      delivered: true,
      responseCode: 200,
      error: null,
    }),
    getAlertRules: async () => ({ source: 'config', rules: alertRules }),
    putAlertRules: async () => ({ source: 'saved', rules: alertRules }),
    listAlertDeliveries: async () => ({
      items: [anAlertDelivery('2')],
      nextCursor: null,
    }),
    retryAlertDelivery: async id =>
      anAlertDelivery(id, { status: 'pending', attempts: 3 }),
    getTeamAlerts: async () => ({
      firing: [],
      history: { items: [], nextCursor: null },
    }),
    listTeamStatements: async () => aStatementMonths(),
    getTeamStatement: async (team, month) => aStatement({ team, month }),
    downloadTeamStatement: async (_team, _month, format) =>
      new Blob([format === 'pdf' ? '%PDF-1.7\n' : 'section,date\n']),
    getTeamReport: async range =>
      aTeamReport(
        range?.from && range.to ? { from: range.from, to: range.to } : {},
      ),
    getProjectReport: async range =>
      aProjectReport(
        range?.from && range.to ? { from: range.from, to: range.to } : {},
      ),
    downloadTeamReportCsv: async () => new Blob(['team,displayName\n']),
    downloadProjectReportCsv: async () => new Blob(['project,team\n']),
    listActivity: async () => ({ items: [anActivityEntry('1')] }),
    getReconciliation: async () => ({
      lastCheck: aReconciliationCheck(),
      items: [aReconciliationDifference('3')],
    }),
    runReconciliationCheck: async () =>
      aReconciliationCheck({ trigger: 'manual', differences: 0 }),
    settleReconciliationDifference: async id => ({
      difference: aReconciliationDifference(id, { status: 'settled' }),
      transaction: {
        id: '90',
        kind: 'adjustment',
        amount: '-2.50',
        balanceAfter: '97.50',
        actor: 'user:default/guest',
        createdAt: daysAgo(0),
      },
    }),
  };
  const implementations = { ...defaults, ...overrides };
  const api: Record<string, jest.Mock> = {};
  for (const [name, implementation] of Object.entries(implementations)) {
    api[name] = jest.fn(implementation as (...args: any[]) => any);
  }
  return api as unknown as jest.Mocked<BisonApi>;
}

/** The ResponseError the client throws for a backend error response. */
export function responseError(
  statusCode: number,
  message: string,
  name = 'InputError',
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({ error: { name, message }, response: { statusCode } }),
      {
        status: statusCode,
        statusText: name,
        headers: { 'Content-Type': 'application/json' },
      },
    ) as unknown as Parameters<typeof ResponseError.fromResponse>[0],
  );
}
