import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { BisonCurrency, UsageTotal } from '../../api';
import { Money } from '../shared/Money';
import { formatUnitHours } from '../shared/resourceUnits';

/**
 * Totals of a period per key (project or resource), highest cost first as
 * the API sends them; with `withUsage`, the unit-hours of each resource.
 */
export function CostTotalsTable(props: {
  /** Heading and accessible name of the table, e.g. 'Cost per project'. */
  title: string;
  keyTitle: string;
  totals: UsageTotal[];
  currency: BisonCurrency;
  withUsage?: boolean;
}) {
  const { title, keyTitle, totals, currency, withUsage } = props;
  return (
    <>
      <Typography variant="subtitle1" component="h3" gutterBottom>
        {title}
      </Typography>
      <Table size="small" aria-label={title}>
        <TableHead>
          <TableRow>
            <TableCell>{keyTitle}</TableCell>
            {withUsage && <TableCell align="right">Usage</TableCell>}
            <TableCell align="right">Cost</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {totals.map(total => (
            <TableRow key={total.key}>
              <TableCell component="th" scope="row">
                {total.key}
              </TableCell>
              {withUsage && (
                <TableCell align="right" style={{ whiteSpace: 'nowrap' }}>
                  {total.quantity !== undefined
                    ? formatUnitHours(total.quantity, total.key)
                    : '—'}
                </TableCell>
              )}
              <TableCell align="right" style={{ whiteSpace: 'nowrap' }}>
                <Money amount={total.cost} currency={currency} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
