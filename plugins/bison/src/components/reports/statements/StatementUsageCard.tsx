import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Statement } from '../../../api';
import { Money } from '../../shared/Money';
import { formatUnitHours } from '../../shared/resourceUnits';
import { CostTotalsTable } from '../../usage/CostTotalsTable';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** Every project × resource line the month's usage was billed as. */
function UsageLinesTable(props: { statement: Statement }) {
  const { statement } = props;
  const { currency } = statement;
  return (
    <>
      <Typography variant="subtitle1" component="h3" gutterBottom>
        Usage lines
      </Typography>
      <Table size="small" aria-label="Usage lines">
        <TableHead>
          <TableRow>
            <TableCell>Project</TableCell>
            <TableCell>Resource</TableCell>
            <TableCell align="right">Usage</TableCell>
            <TableCell align="right">Cost</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {statement.usage.lines.map(line => (
            <TableRow key={`${line.project}/${line.resource}`}>
              <TableCell>{line.project}</TableCell>
              <TableCell>{line.resource}</TableCell>
              <TableCell align="right" style={NO_WRAP}>
                {formatUnitHours(line.quantity, line.resource)}
              </TableCell>
              <TableCell align="right" style={NO_WRAP}>
                <Money amount={line.cost} currency={currency} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

/** The month's usage by project, by resource, and line by line. */
export function StatementUsageCard(props: { statement: Statement }) {
  const { statement } = props;
  const { usage, currency } = statement;
  return (
    <InfoCard title="Usage">
      {usage.lines.length === 0 && usage.byProject.length === 0 ? (
        <Typography color="textSecondary" data-testid="statement-no-usage">
          No usage was billed this month.
        </Typography>
      ) : (
        <Grid container spacing={3}>
          <Grid item xs={12} md={6}>
            <CostTotalsTable
              title="Usage by project"
              keyTitle="Project"
              totals={usage.byProject.map(p => ({
                key: p.project,
                cost: p.cost,
              }))}
              currency={currency}
            />
          </Grid>
          <Grid item xs={12} md={6}>
            <CostTotalsTable
              title="Usage by resource"
              keyTitle="Resource"
              totals={usage.byResource.map(r => ({
                key: r.resource,
                quantity: r.quantity,
                cost: r.cost,
              }))}
              currency={currency}
              withUsage
            />
          </Grid>
          <Grid item xs={12}>
            <Box mt={1}>
              <UsageLinesTable statement={statement} />
            </Box>
          </Grid>
        </Grid>
      )}
    </InfoCard>
  );
}
