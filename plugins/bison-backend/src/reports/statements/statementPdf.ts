import PDFDocument from 'pdfkit';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import * as api from '../../schema/openapi/generated/models';

const GREY = '#666666';
const LINE = '#bbbbbb';

type Column = number | string | PDFKit.Mixins.ColumnStyle;
/** An amount column: right-aligned, so the decimals line up. */
const amount = (width: number | string): Column => ({
  width,
  align: { x: 'right', y: 'top' },
});

/**
 * The statement as a printable PDF (A4): who and when, the balances and
 * totals, every entry other than usage, usage by project and by resource,
 * and the hash that ties it to the ledger. Written to `out` as it is made.
 */
export async function writeStatementPdf(
  statement: api.Statement,
  out: Writable,
): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: `Statement ${statement.team} ${statement.month}`,
      Author: 'Bison for Backstage',
    },
  });
  doc.pipe(out);
  const currency = statement.currency.code;
  const cell = { border: { bottom: 0.5 }, borderColor: LINE, padding: 4 };
  const table = (
    rows: Array<Array<string | PDFKit.Mixins.CellOptions>>,
    widths: Column[],
    options: { header: boolean } = { header: true },
  ) => {
    doc.table({
      columnStyles: widths,
      rowStyles: row =>
        row === 0 && options.header ? { ...cell, textColor: GREY } : cell,
      data:
        rows.length === 1 && options.header
          ? [...rows, [{ text: 'None', colSpan: widths.length }]]
          : rows,
    });
    doc.moveDown();
  };
  const heading = (text: string) =>
    doc
      .font('Helvetica-Bold')
      .fontSize(12)
      .text(text)
      .font('Helvetica')
      .fontSize(9)
      .moveDown(0.3);

  doc.font('Helvetica-Bold').fontSize(18).text('Statement of account');
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(GREY)
    .text(
      statement.preliminary
        ? 'Preliminary: the month is still running'
        : 'Final statement',
    )
    .fillColor('black')
    .moveDown();
  doc.fontSize(9);
  table(
    [
      ['Team', `${statement.displayName} (${statement.team})`],
      ['Group', statement.groupRef],
      ['Period', `${statement.month} (${statement.timeZone})`],
      [
        'From / to',
        `${statement.periodStart.toISOString()} to ${statement.periodEnd.toISOString()} (exclusive)`,
      ],
      ['Currency', currency],
    ],
    [120, '*'],
    { header: false },
  );

  heading('Summary');
  const { totals } = statement;
  table(
    [
      ['', `Amount (${currency})`],
      ['Opening balance', statement.openingBalance],
      ['Recharges', totals.recharge],
      ['Auto-recharges', totals.auto_recharge],
      ['Usage', totals.usage],
      ['Adjustments', totals.adjustment],
      ['Refunds', totals.refund],
      ['Imports', totals.import],
      ['Closing balance', statement.closingBalance],
    ],
    ['*', amount(140)],
  );

  const entries: Array<[string, api.StatementEntry[]]> = [
    ['Recharge', statement.recharges],
    ['Auto-recharge', statement.autoRecharges],
    ['Adjustment', statement.adjustments],
    ['Refund', statement.refunds],
    ['Import', statement.imports],
  ];
  const entryRows = entries.flatMap(([kind, list]) =>
    list.map(e => [
      e.createdAt.toISOString().slice(0, 16).replace('T', ' '),
      kind,
      e.reason ?? e.actor,
      e.amount,
      e.balanceAfter,
    ]),
  );
  if (entryRows.length > 0) {
    heading('Recharges and other entries');
    table(
      [
        ['Date (UTC)', 'Kind', 'Description', 'Amount', 'Balance'],
        ...entryRows,
      ],
      [85, 75, '*', amount(70), amount(70)],
    );
  }

  heading('Usage by project');
  table(
    [
      ['Project', `Cost (${currency})`],
      ...statement.usage.byProject.map(p => [p.project, p.cost]),
    ],
    ['*', amount(140)],
  );
  heading('Usage by resource');
  table(
    [
      ['Resource', 'Quantity', `Cost (${currency})`],
      ...statement.usage.byResource.map(r => [r.resource, r.quantity, r.cost]),
    ],
    ['*', amount(120), amount(120)],
  );

  const { ledger } = statement;
  const ids = ledger.firstId
    ? `, ids ${ledger.firstId} to ${ledger.lastId}`
    : '';
  doc
    .fillColor(GREY)
    .text(`${ledger.count} ledger entries${ids}`)
    .text(`SHA-256 of the entries: ${ledger.sha256}`);
  doc.end();
  await finished(out);
}
