import { InfoCard } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { pricingUpdatePermission } from '@bison/plugin-bison-common';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { BisonCurrency, PriceBook, PriceBooks } from '../../api';
import { formatExactAmount } from '../shared/money';
import { unitOfResource } from '../shared/resourceUnits';
import { formatDateTime } from '../shared/time';
import { EditPricesDialog } from './EditPricesDialog';
import { describeEffectiveFrom, scheduledVersions } from './scheduling';

/**
 * The prices in effect now: resource, unit and price per hour, the
 * version's note and any scheduled change. Those allowed to update pricing
 * get an "Edit prices" button creating a new version.
 */
export function CurrentPricesCard(props: {
  books: PriceBooks;
  currency: BisonCurrency;
  onSaved: (book: PriceBook) => void;
}) {
  const { books, currency, onSaved } = props;
  const { current } = books;
  const [editing, setEditing] = useState(false);
  const canEdit = usePermission({
    permission: pricingUpdatePermission,
  }).allowed;
  const [next] = scheduledVersions(books.history);

  const action = canEdit ? (
    <Button
      color="primary"
      variant="contained"
      onClick={() => setEditing(true)}
    >
      Edit prices
    </Button>
  ) : undefined;

  return (
    <InfoCard
      title="Current prices"
      subheader={`Version ${
        current.version
      }, effective from ${describeEffectiveFrom(current.effectiveFrom)}`}
      action={action}
    >
      {next && (
        <Alert severity="info" data-testid="scheduled-prices">
          Version {next.version} takes effect on{' '}
          {formatDateTime(next.effectiveFrom)}.
        </Alert>
      )}
      {current.note && (
        <Typography variant="body2" color="textSecondary" paragraph>
          {current.note}
        </Typography>
      )}
      <Table size="small" aria-label="Current prices">
        <TableHead>
          <TableRow>
            <TableCell>Resource</TableCell>
            <TableCell>Unit</TableCell>
            <TableCell align="right">Price per hour</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {current.prices.map(price => (
            <TableRow key={price.resource}>
              <TableCell component="th" scope="row">
                {price.resource}
              </TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                {unitOfResource(price.resource)}
              </TableCell>
              <TableCell align="right">
                {formatExactAmount(price.pricePerHour, currency)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {canEdit && editing && (
        <EditPricesDialog
          open
          current={current}
          currency={currency}
          onClose={() => setEditing(false)}
          onSaved={onSaved}
        />
      )}
    </InfoCard>
  );
}
