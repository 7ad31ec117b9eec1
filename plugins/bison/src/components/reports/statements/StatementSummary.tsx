import { InfoCard } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import { Statement } from '../../../api';
import { Money } from '../../shared/Money';
import { SignedMoney } from '../SignedMoney';

const useStyles = makeStyles({
  balance: { fontWeight: 600 },
  amount: { whiteSpace: 'nowrap' },
});

/**
 * The statement's reconciliation: the opening balance, the month's signed
 * totals by kind, and the closing balance they add up to (as the backend
 * guarantees; nothing is summed here).
 */
export function StatementSummary(props: { statement: Statement }) {
  const { statement } = props;
  const { totals, currency } = statement;
  const classes = useStyles();
  const lines: { label: string; amount: string; count?: number; id: string }[] =
    [
      {
        id: 'recharge',
        label: 'Recharges',
        amount: totals.recharge,
        count: statement.recharges.length,
      },
      {
        id: 'auto-recharge',
        label: 'Auto-recharges',
        amount: totals.auto_recharge,
        count: statement.autoRecharges.length,
      },
      {
        id: 'refund',
        label: 'Refunds',
        amount: totals.refund,
        count: statement.refunds.length,
      },
      {
        id: 'import',
        label: 'Imports',
        amount: totals.import,
        count: statement.imports.length,
      },
      {
        id: 'adjustment',
        label: 'Adjustments',
        amount: totals.adjustment,
        count: statement.adjustments.length,
      },
      { id: 'usage', label: 'Usage', amount: totals.usage },
    ];
  return (
    <InfoCard title="Summary">
      <Table size="small" aria-label="Summary">
        <TableBody>
          <TableRow>
            <TableCell component="th" scope="row" className={classes.balance}>
              Opening balance
            </TableCell>
            <TableCell
              align="right"
              className={`${classes.balance} ${classes.amount}`}
              data-testid="statement-opening-balance"
            >
              <Money amount={statement.openingBalance} currency={currency} />
            </TableCell>
          </TableRow>
          {lines.map(line => (
            <TableRow key={line.id}>
              <TableCell component="th" scope="row">
                {line.label}
                {line.count !== undefined ? ` (${line.count})` : ''}
              </TableCell>
              <TableCell
                align="right"
                className={classes.amount}
                data-testid={`statement-total-${line.id}`}
              >
                <SignedMoney amount={line.amount} currency={currency} />
              </TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell component="th" scope="row" className={classes.balance}>
              {statement.preliminary ? 'Balance so far' : 'Closing balance'}
            </TableCell>
            <TableCell
              align="right"
              className={`${classes.balance} ${classes.amount}`}
              data-testid="statement-closing-balance"
            >
              <Money amount={statement.closingBalance} currency={currency} />
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </InfoCard>
  );
}
