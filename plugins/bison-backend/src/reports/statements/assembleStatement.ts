import { Micros } from '@bison/plugin-bison-common';
import Big from 'big.js';
import { byAmountDescending } from '../../billing/compareMicros';
import { LedgerEntry, LedgerEntryKind } from '../../wallet/types';
import { statementHash } from './statementHash';

/** Usage of one resource by one project in the month, as billed. */
export interface UsageLine {
  project: string;
  resource: string;
  /** Exact decimal, in the resource's billing unit. */
  quantity: string;
  cost: Micros;
}

export interface StatementInput {
  period: { start: Date; end: Date };
  /** The balance after the last entry before the month; 0 before any. */
  openingBalance: Micros;
  /** The month's ledger entries, in ledger order. */
  entries: LedgerEntry[];
  /** The usage the month's usage debits charged, per project and resource. */
  usage: UsageLine[];
  now: Date;
}

export type StatementSection = Exclude<LedgerEntryKind, 'usage'>;

export interface Statement {
  period: { start: Date; end: Date };
  /** The month is still running: more entries may follow. */
  preliminary: boolean;
  openingBalance: Micros;
  closingBalance: Micros;
  /** Signed sums per kind: opening + every total = closing. */
  totals: Record<LedgerEntryKind, Micros>;
  /** Every entry other than usage, by kind, in ledger order. */
  entries: Record<StatementSection, LedgerEntry[]>;
  usage: {
    lines: UsageLine[];
    byProject: Array<{ project: string; cost: Micros }>;
    byResource: Array<{ resource: string; quantity: string; cost: Micros }>;
  };
  ledger: {
    count: number;
    firstId: bigint | null;
    lastId: bigint | null;
    sha256: string;
  };
}

const KINDS: LedgerEntryKind[] = [
  'recharge',
  'auto_recharge',
  'usage',
  'adjustment',
  'refund',
  'import',
];

export class StatementMismatchError extends Error {}

function sumBy<T>(
  items: T[],
  key: (item: T) => string,
  cost: (item: T) => Micros,
): Map<string, Micros> {
  const sums = new Map<string, Micros>();
  for (const item of items) {
    sums.set(key(item), (sums.get(key(item)) ?? 0n) + cost(item));
  }
  return sums;
}

/**
 * A month's statement from its ledger entries. It reconciles by
 * construction and is checked anyway: the opening balance plus every entry
 * is the closing balance, which is the balance after the month's last
 * entry; and the usage lines add up to the usage debits.
 */
export function assembleStatement(input: StatementInput): Statement {
  const { entries, openingBalance } = input;
  const totals = Object.fromEntries(KINDS.map(k => [k, 0n])) as Record<
    LedgerEntryKind,
    Micros
  >;
  const sections = Object.fromEntries(
    KINDS.filter(k => k !== 'usage').map(k => [k, []]),
  ) as unknown as Statement['entries'];
  let running = openingBalance;
  for (const entry of entries) {
    totals[entry.kind] += entry.amount;
    running += entry.amount;
    if (running !== entry.balanceAfter) {
      throw new StatementMismatchError(
        `ledger entry ${entry.id} says ${entry.balanceAfter}, the entries before it add up to ${running}`,
      );
    }
    if (entry.kind !== 'usage') sections[entry.kind].push(entry);
  }
  const usageCost = input.usage.reduce((sum, line) => sum + line.cost, 0n);
  if (usageCost !== -totals.usage) {
    throw new StatementMismatchError(
      `the usage lines add up to ${usageCost}, the usage debits to ${-totals.usage}`,
    );
  }

  const byProject = [
    ...sumBy(
      input.usage,
      l => l.project,
      l => l.cost,
    ),
  ]
    .map(([project, cost]) => ({ project, cost }))
    .sort(
      (a, b) =>
        byAmountDescending(a.cost, b.cost) ||
        a.project.localeCompare(b.project),
    );
  const quantities = new Map<string, Big>();
  for (const line of input.usage) {
    const known = quantities.get(line.resource) ?? new Big(0);
    quantities.set(line.resource, known.plus(line.quantity));
  }
  const byResource = [
    ...sumBy(
      input.usage,
      l => l.resource,
      l => l.cost,
    ),
  ]
    .map(([resource, cost]) => ({
      resource,
      cost,
      quantity: quantities.get(resource)!.toFixed(),
    }))
    .sort((a, b) => a.resource.localeCompare(b.resource));

  return {
    period: input.period,
    preliminary: input.now < input.period.end,
    openingBalance,
    closingBalance: running,
    totals,
    entries: sections,
    usage: { lines: input.usage, byProject, byResource },
    ledger: {
      count: entries.length,
      firstId: entries[0]?.id ?? null,
      lastId: entries[entries.length - 1]?.id ?? null,
      sha256: statementHash(entries),
    },
  };
}
