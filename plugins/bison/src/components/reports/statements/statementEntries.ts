import { TransactionKind } from '@bison/plugin-bison-common';
import { Statement, StatementEntry } from '../../../api';

/** A ledger entry of a statement, with the kind its list stands for. */
export type KindedEntry = StatementEntry & { kind: TransactionKind };

/** Ledger ids are decimal strings of any length: shorter is older. */
function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a.localeCompare(b);
}

/**
 * The month's entries other than usage (recharges, auto-recharges,
 * adjustments, refunds, imports) in the order they were booked.
 */
export function chronologicalEntries(statement: Statement): KindedEntry[] {
  const lists: [TransactionKind, StatementEntry[]][] = [
    ['recharge', statement.recharges],
    ['auto_recharge', statement.autoRecharges],
    ['adjustment', statement.adjustments],
    ['refund', statement.refunds],
    ['import', statement.imports],
  ];
  return lists
    .flatMap(([kind, entries]) => entries.map(entry => ({ ...entry, kind })))
    .sort(
      (a, b) =>
        Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
        compareIds(a.id, b.id),
    );
}
