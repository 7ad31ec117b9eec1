import { formatMoney, Micros } from '@bison/plugin-bison-common';
import { spreadsheetSafe } from '../../csv/spreadsheetSafe';
import { LedgerEntry } from '../../wallet/types';
import { Statement, StatementSection } from './assembleStatement';

export const STATEMENT_CSV_COLUMNS = [
  'section',
  'date',
  'description',
  'project',
  'resource',
  'quantity',
  'amount',
  'balance',
];

const SECTION_TITLES: Record<StatementSection, string> = {
  recharge: 'Recharge',
  auto_recharge: 'Auto-recharge',
  adjustment: 'Adjustment',
  refund: 'Refund',
  import: 'Import',
};

/**
 * The statement as CSV rows, in the order of a bank statement: opening
 * balance, each recharge and other entry, usage by project and resource,
 * closing balance, and the hash of the entries.
 */
export function* statementCsvRows(
  statement: Statement,
  decimals: number,
): Generator<string[]> {
  const money = (amount: Micros) => formatMoney(amount, { decimals });
  const entryRow = (section: StatementSection, entry: LedgerEntry) => [
    section,
    entry.createdAt.toISOString(),
    spreadsheetSafe(entry.reason ?? SECTION_TITLES[section]),
    '',
    '',
    '',
    money(entry.amount),
    money(entry.balanceAfter),
  ];
  yield [
    'opening',
    statement.period.start.toISOString(),
    'Opening balance',
    '',
    '',
    '',
    '',
    money(statement.openingBalance),
  ];
  for (const section of Object.keys(SECTION_TITLES) as StatementSection[]) {
    for (const entry of statement.entries[section]) {
      yield entryRow(section, entry);
    }
  }
  for (const line of statement.usage.lines) {
    yield [
      'usage',
      '',
      'Usage',
      spreadsheetSafe(line.project),
      spreadsheetSafe(line.resource),
      line.quantity,
      money(-line.cost),
      '',
    ];
  }
  yield [
    'closing',
    statement.period.end.toISOString(),
    statement.preliminary ? 'Closing balance (preliminary)' : 'Closing balance',
    '',
    '',
    '',
    '',
    money(statement.closingBalance),
  ];
  yield ['sha256', '', statement.ledger.sha256, '', '', '', '', ''];
}
