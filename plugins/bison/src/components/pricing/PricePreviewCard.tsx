import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useRef, useState } from 'react';
import { BisonCurrency, bisonApiRef, PriceBook, PricePreview } from '../../api';
import { errorMessage } from '../shared/errorMessage';
import { formatExactAmount } from '../shared/money';
import { Money } from '../shared/Money';
import { formatUnitHours } from '../shared/resourceUnits';
import { checkHours, checkQuantity } from './priceForm';

interface PreviewRow {
  key: number;
  resource: string;
  quantity: string;
}

const EXAMPLES: Record<string, string> = {
  cpu: 'cores, e.g. 4 or 500m',
  memory: 'bytes, e.g. 64Gi',
};

function PreviewResult(props: {
  preview: PricePreview;
  currency: BisonCurrency;
}) {
  const { preview, currency } = props;
  return (
    <Box mt={2}>
      <Table size="small" aria-label="Preview">
        <TableHead>
          <TableRow>
            <TableCell>Resource</TableCell>
            <TableCell align="right">Usage</TableCell>
            <TableCell align="right">Price per hour</TableCell>
            <TableCell align="right">Cost</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {preview.lines.map((line, index) => (
            <TableRow key={index}>
              <TableCell component="th" scope="row">
                {line.resource}
              </TableCell>
              <TableCell align="right">
                {formatUnitHours(line.unitHours, line.resource)}
              </TableCell>
              <TableCell align="right">
                {formatExactAmount(line.pricePerHour, currency)}
              </TableCell>
              <TableCell align="right" style={{ whiteSpace: 'nowrap' }}>
                <Money amount={line.cost} currency={currency} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Box
        mt={1}
        display="flex"
        justifyContent="space-between"
        alignItems="baseline"
      >
        <Typography variant="body2" color="textSecondary">
          At the prices of version {preview.version}
        </Typography>
        <Typography variant="h6" component="p">
          Total:{' '}
          <span data-testid="preview-total">
            <Money amount={preview.total} currency={currency} />
          </span>
        </Typography>
      </Box>
    </Box>
  );
}

/**
 * What a workload would cost at the current prices: rows of a priced
 * resource and a Kubernetes quantity (4, 500m, 64Gi) and a number of hours
 * (730, about a month); the backend prices it exactly.
 */
export function PricePreviewCard(props: {
  current: PriceBook;
  currency: BisonCurrency;
}) {
  const { current, currency } = props;
  const api = useApi(bisonApiRef);
  const resources = current.prices.map(price => price.resource);
  const nextKey = useRef(1);
  const [rows, setRows] = useState<PreviewRow[]>(() => [
    { key: 0, resource: resources[0] ?? '', quantity: '' },
  ]);
  const [hours, setHours] = useState('730');
  const [submitted, setSubmitted] = useState(false);
  const [sending, setSending] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const [preview, setPreview] = useState<PricePreview>();

  const quantityErrors = rows.map(row => checkQuantity(row.quantity));
  const hoursError = checkHours(hours);

  function update(index: number, change: Partial<PreviewRow>) {
    setRows(all =>
      all.map((row, i) => (i === index ? { ...row, ...change } : row)),
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (quantityErrors.some(Boolean) || hoursError || sending) return;
    setSending(true);
    setServerError(undefined);
    try {
      setPreview(
        await api.previewPrices({
          resources: rows.map(row => ({
            resource: row.resource,
            quantity: row.quantity.trim(),
          })),
          hours: hours.trim(),
        }),
      );
    } catch (error) {
      setPreview(undefined);
      setServerError(errorMessage(error));
    } finally {
      setSending(false);
    }
  }

  return (
    <InfoCard title="Cost preview">
      <form onSubmit={submit} noValidate aria-label="Cost preview">
        <Typography variant="body2" color="textSecondary" paragraph>
          What resources would cost over a number of hours at the current
          prices.
        </Typography>
        {serverError && (
          <Alert severity="error" role="alert">
            {serverError}
          </Alert>
        )}
        {rows.map((row, index) => {
          const number = index + 1;
          const error =
            submitted || row.quantity ? quantityErrors[index] : undefined;
          return (
            <Box
              key={row.key}
              display="flex"
              alignItems="flex-start"
              gridGap={16}
              mt={2}
            >
              <TextField
                select
                label="Resource"
                value={row.resource}
                onChange={e => update(index, { resource: e.target.value })}
                SelectProps={{ native: true }}
                InputLabelProps={{ shrink: true }}
                inputProps={{
                  'aria-label': `Preview resource ${number}`,
                  id: `bison-preview-resource-${row.key}`,
                }}
                size="small"
                variant="outlined"
                style={{ flex: 3 }}
              >
                {resources.map(resource => (
                  <option key={resource} value={resource}>
                    {resource}
                  </option>
                ))}
              </TextField>
              <TextField
                id={`bison-preview-quantity-${row.key}`}
                label="Quantity"
                value={row.quantity}
                onChange={e => update(index, { quantity: e.target.value })}
                error={!!error}
                helperText={
                  error ?? EXAMPLES[row.resource] ?? 'devices, e.g. 1'
                }
                InputLabelProps={{ shrink: true }}
                inputProps={{
                  'aria-label': `Quantity ${number}`,
                  autoComplete: 'off',
                  spellCheck: false,
                }}
                size="small"
                variant="outlined"
                style={{ flex: 2 }}
              />
              <IconButton
                aria-label={`Remove preview row ${number}`}
                onClick={() =>
                  setRows(all => all.filter((_, i) => i !== index))
                }
                disabled={rows.length === 1}
                size="small"
                style={{ marginTop: 4 }}
              >
                <DeleteIcon />
              </IconButton>
            </Box>
          );
        })}
        <Button
          size="small"
          onClick={() =>
            setRows(all => [
              ...all,
              {
                key: nextKey.current++,
                resource: resources[0] ?? '',
                quantity: '',
              },
            ])
          }
        >
          Add resource
        </Button>
        <Box display="flex" alignItems="flex-start" gridGap={16} mt={2}>
          <TextField
            id="bison-preview-hours"
            label="Hours"
            value={hours}
            onChange={e => setHours(e.target.value)}
            error={!!hoursError}
            helperText={hoursError ?? '730 hours is about a month'}
            InputLabelProps={{ shrink: true }}
            inputProps={{ inputMode: 'decimal', autoComplete: 'off' }}
            size="small"
            variant="outlined"
          />
          <Button
            type="submit"
            color="primary"
            variant="outlined"
            disabled={sending || resources.length === 0}
          >
            Calculate
          </Button>
        </Box>
      </form>
      {preview && <PreviewResult preview={preview} currency={currency} />}
    </InfoCard>
  );
}
