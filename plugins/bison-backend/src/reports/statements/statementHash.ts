import { createHash } from 'node:crypto';
import { LedgerEntry } from '../../wallet/types';

/**
 * SHA-256 over the month's entries, one line each in ledger order:
 * `id;kind;amount;balanceAfter;createdAt` with amounts in micro-units and
 * the time in ISO 8601 UTC, each line ending in a newline. Anyone holding
 * the entries (the transactions CSV) can recompute it.
 */
export function statementHash(entries: LedgerEntry[]): string {
  const hash = createHash('sha256');
  for (const entry of entries) {
    hash.update(
      `${entry.id};${entry.kind};${entry.amount};${
        entry.balanceAfter
      };${entry.createdAt.toISOString()}\n`,
    );
  }
  return hash.digest('hex');
}
