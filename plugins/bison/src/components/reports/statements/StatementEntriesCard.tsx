import { InfoCard } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Statement } from '../../../api';
import { Money } from '../../shared/Money';
import { formatDateTime } from '../../shared/time';
import { KIND_LABELS } from '../../wallet/transactions/kindLabels';
import { SignedMoney } from '../SignedMoney';
import { chronologicalEntries } from './statementEntries';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/**
 * The month's recharges, auto-recharges, refunds, imports and adjustments
 * in booking order, with the balance after each. Usage is billed per
 * window and shown summed in the usage card.
 */
export function StatementEntriesCard(props: { statement: Statement }) {
  const { statement } = props;
  const { currency } = statement;
  const entries = chronologicalEntries(statement);
  return (
    <InfoCard
      title="Credits and corrections"
      subheader="Every entry of the month but usage, in booking order"
    >
      {entries.length === 0 ? (
        <Typography color="textSecondary" data-testid="statement-no-entries">
          No recharge, refund, import or adjustment this month.
        </Typography>
      ) : (
        <Table size="small" aria-label="Credits and corrections">
          <TableHead>
            <TableRow>
              <TableCell>Date</TableCell>
              <TableCell>Kind</TableCell>
              <TableCell>Description</TableCell>
              <TableCell>By</TableCell>
              <TableCell align="right">Amount</TableCell>
              <TableCell align="right">Balance after</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {entries.map(entry => (
              <TableRow key={entry.id} data-testid={`entry-${entry.id}`}>
                <TableCell style={NO_WRAP}>
                  <time dateTime={entry.createdAt} title={entry.createdAt}>
                    {formatDateTime(entry.createdAt)}
                  </time>
                </TableCell>
                <TableCell>{KIND_LABELS[entry.kind] ?? entry.kind}</TableCell>
                <TableCell>{entry.reason ?? ''}</TableCell>
                <TableCell>{entry.actor}</TableCell>
                <TableCell align="right" style={NO_WRAP}>
                  <SignedMoney amount={entry.amount} currency={currency} />
                </TableCell>
                <TableCell align="right" style={NO_WRAP}>
                  <Money amount={entry.balanceAfter} currency={currency} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
