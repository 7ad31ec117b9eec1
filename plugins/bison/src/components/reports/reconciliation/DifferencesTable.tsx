import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { BisonCurrency, ReconciliationDifference } from '../../../api';
import { teamRouteRef } from '../../../routes';
import { NO_WRAP } from '../../alerts/compactTable';
import { actorName } from '../../shared/actorName';
import { ExpandableRow } from '../../shared/ExpandableRow';
import { Money } from '../../shared/Money';
import { isZeroAmount } from '../../shared/money';
import { formatDateTime } from '../../shared/time';
import { SignedMoney } from '../SignedMoney';
import { DifferenceLines } from './DifferenceLines';
import { DifferenceStatusChip } from './DifferenceStatusChip';
import { windowText } from './differenceText';
import { SettleDifferenceButton } from './SettleDifferenceButton';

const HEADINGS: { title: string; align?: 'right' }[] = [
  { title: 'Window' },
  { title: 'Team' },
  { title: 'Billed', align: 'right' },
  { title: 'Source', align: 'right' },
  { title: 'Difference', align: 'right' },
  { title: 'Status' },
  // The actions.
  { title: '' },
];

/** Whether a difference can be settled: open, of a team, and moving money. */
function settleable(
  difference: ReconciliationDifference,
): difference is ReconciliationDifference & { team: string } {
  return (
    difference.status === 'open' &&
    difference.team !== null &&
    !isZeroAmount(difference.difference)
  );
}

/**
 * The differences, newest window first: what was billed, what the source
 * says now and the difference (source − billed), each expanding to its
 * lines; an open one of a team can be settled by who may adjust its wallet.
 */
export function DifferencesTable(props: {
  differences: ReconciliationDifference[];
  currency: BisonCurrency;
  onSettled: () => void;
}) {
  const { differences, currency, onSettled } = props;
  const teamLink = useRouteRef(teamRouteRef);
  return (
    <Table size="small" aria-label="Reconciliation differences">
      <TableHead>
        <TableRow>
          <TableCell padding="checkbox" />
          {HEADINGS.map(heading => (
            <TableCell key={heading.title} align={heading.align}>
              {heading.title}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {differences.map(difference => (
          <ExpandableRow
            key={difference.id}
            label={`difference ${difference.id}`}
            columns={HEADINGS.length + 1}
            testId={`difference-${difference.id}`}
            details={
              <DifferenceLines difference={difference} currency={currency} />
            }
          >
            <TableCell style={NO_WRAP}>
              {windowText(difference.windowStart, difference.windowEnd)}
            </TableCell>
            <TableCell style={NO_WRAP}>
              {difference.team ? (
                <Link to={teamLink({ team: difference.team })}>
                  {difference.team}
                </Link>
              ) : (
                <Typography
                  variant="body2"
                  color="textSecondary"
                  data-testid="unallocated"
                >
                  Unallocated
                </Typography>
              )}
            </TableCell>
            <TableCell align="right">
              <Money amount={difference.billed} currency={currency} />
            </TableCell>
            <TableCell align="right">
              <Money amount={difference.source} currency={currency} />
            </TableCell>
            <TableCell align="right" data-testid="difference-amount">
              <SignedMoney amount={difference.difference} currency={currency} />
            </TableCell>
            <TableCell>
              <DifferenceStatusChip status={difference.status} />
              {difference.settlement && (
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="div"
                >
                  by {actorName(difference.settlement.settledBy)},{' '}
                  {formatDateTime(difference.settlement.settledAt)}
                </Typography>
              )}
            </TableCell>
            <TableCell align="right">
              {settleable(difference) && (
                <SettleDifferenceButton
                  difference={difference}
                  currency={currency}
                  onSettled={onSettled}
                />
              )}
            </TableCell>
          </ExpandableRow>
        ))}
      </TableBody>
    </Table>
  );
}
