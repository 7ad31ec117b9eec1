import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { BisonCurrency, ReconciliationDifference } from '../../../api';
import { Money } from '../../shared/Money';

/** What a difference is made of: billed and source per project and resource. */
export function DifferenceLines(props: {
  difference: ReconciliationDifference;
  currency: BisonCurrency;
}) {
  const { difference, currency } = props;
  if (difference.lines.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No lines kept for this difference.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={`Lines of difference ${difference.id}`}>
      <TableHead>
        <TableRow>
          <TableCell>Project</TableCell>
          <TableCell>Resource</TableCell>
          <TableCell align="right">Billed quantity</TableCell>
          <TableCell align="right">Source quantity</TableCell>
          <TableCell align="right">Billed cost</TableCell>
          <TableCell align="right">Source cost</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {difference.lines.map(line => (
          <TableRow key={`${line.project}/${line.resource}`}>
            <TableCell>{line.project}</TableCell>
            <TableCell>{line.resource}</TableCell>
            <TableCell align="right">{line.billedQuantity}</TableCell>
            <TableCell align="right">{line.sourceQuantity}</TableCell>
            <TableCell align="right">
              <Money amount={line.billedCost} currency={currency} />
            </TableCell>
            <TableCell align="right">
              <Money amount={line.sourceCost} currency={currency} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
