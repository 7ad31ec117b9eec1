import { spreadsheetSafe } from '../csv/spreadsheetSafe';
import { UsageLineRecord } from '../billing/UsageReports';

export const USAGE_CSV_COLUMNS = [
  'windowStart',
  'windowEnd',
  'project',
  'resource',
  'quantity',
  'unitPrice',
  'cost',
];

/** Usage lines as CSV rows, one at a time. */
export async function* usageCsvRows(
  lines: AsyncIterable<UsageLineRecord>,
  money: (micros: bigint) => string,
): AsyncGenerator<string[]> {
  for await (const line of lines) {
    yield [
      line.windowStart.toISOString(),
      line.windowEnd.toISOString(),
      spreadsheetSafe(line.namespace),
      spreadsheetSafe(line.resource),
      line.quantity,
      money(line.unitPrice),
      money(line.cost),
    ];
  }
}
