import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import { useEffect, useRef, useState } from 'react';
import { BisonCurrency, bisonApiRef, PriceBook } from '../../api';
import { useComputeResources } from '../quota/useComputeResources';
import { errorMessage } from '../shared/errorMessage';
import { FormDialog, useSubmission } from '../shared/FormDialog';
import { unitOfResource } from '../shared/resourceUnits';
import {
  MAX_NOTE,
  newPriceBook,
  PriceRow,
  PriceRowErrors,
  serverFieldOf,
  toDateTimeInput,
  validatePriceRows,
} from './priceForm';

const RESOURCE_OPTIONS_ID = 'bison-price-resource-options';

type KeyedRow = PriceRow & { key: number };

function PriceRowFields(props: {
  index: number;
  row: PriceRow;
  errors: PriceRowErrors;
  currency: BisonCurrency;
  disabled: boolean;
  onChange: (row: PriceRow) => void;
  onRemove: () => void;
}) {
  const { index, row, errors, currency, disabled, onChange, onRemove } = props;
  const number = index + 1;
  const resource = row.resource.trim();
  return (
    <Box display="flex" alignItems="flex-start" gridGap={16} mb={1}>
      <TextField
        id={`bison-price-resource-${index}`}
        label="Resource"
        value={row.resource}
        onChange={e => onChange({ ...row, resource: e.target.value })}
        error={!!errors.resource}
        helperText={errors.resource}
        disabled={disabled}
        size="small"
        variant="outlined"
        style={{ flex: 3 }}
        InputLabelProps={{ shrink: true }}
        inputProps={{
          'aria-label': `Resource ${number}`,
          list: RESOURCE_OPTIONS_ID,
          autoComplete: 'off',
          spellCheck: false,
        }}
      />
      <TextField
        id={`bison-price-amount-${index}`}
        label="Price per hour"
        value={row.price}
        onChange={e => onChange({ ...row, price: e.target.value })}
        error={!!errors.price}
        helperText={errors.price}
        disabled={disabled}
        size="small"
        variant="outlined"
        style={{ flex: 2 }}
        InputLabelProps={{ shrink: true }}
        inputProps={{
          'aria-label': `Price per hour ${number}`,
          inputMode: 'decimal',
          autoComplete: 'off',
        }}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">{currency.symbol}</InputAdornment>
          ),
          endAdornment: resource ? (
            <InputAdornment position="end">
              / {unitOfResource(resource)}
            </InputAdornment>
          ) : undefined,
        }}
      />
      <IconButton
        aria-label={`Remove ${resource || `row ${number}`}`}
        onClick={onRemove}
        disabled={disabled}
        size="small"
        style={{ marginTop: 4 }}
      >
        <DeleteIcon />
      </IconButton>
    </Box>
  );
}

/**
 * Edits the prices as a new version of the price book: a row per resource
 * key (add and remove keys; prices are non-negative decimals with at most
 * 6 decimals), the instant the version takes effect (now unless changed;
 * a later instant schedules it) and a note.
 */
export function EditPricesDialog(props: {
  open: boolean;
  /** The version to start from. */
  current: PriceBook;
  currency: BisonCurrency;
  onClose: () => void;
  onSaved: (book: PriceBook) => void;
}) {
  const { open, current, currency, onClose, onSaved } = props;
  const api = useApi(bisonApiRef);
  const resources = useComputeResources();
  const [rows, setRows] = useState<KeyedRow[]>([]);
  const nextKey = useRef(0);
  const [openedAt, setOpenedAt] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const { sending, serverError, reset, submit } = useSubmission();
  /** The row (by key) or the date a backend error names, until edited. */
  const [serverField, setServerField] = useState<
    { key: number; field: 'resource' | 'price' } | 'effectiveFrom'
  >();

  useEffect(() => {
    if (!open) return;
    const now = toDateTimeInput(new Date());
    setRows(
      current.prices.map(price => ({
        key: nextKey.current++,
        resource: price.resource,
        price: price.pricePerHour,
      })),
    );
    setOpenedAt(now);
    setEffectiveFrom(now);
    setNote('');
    setSubmitted(false);
    reset();
    setServerField(undefined);
  }, [open, current, reset]);

  const validation = validatePriceRows(rows);
  const request = newPriceBook({
    prices: validation.prices,
    effectiveFrom,
    openedAt,
    note,
  });
  const dateError = 'error' in request ? request.error : undefined;
  const noteError =
    note.length > MAX_NOTE
      ? `note must be at most ${MAX_NOTE} characters`
      : undefined;
  const shown = (error?: string) => (submitted ? error : undefined);
  /** A field's error once submitted or typed into. */
  function rowErrors(index: number): PriceRowErrors {
    const errors = validation.errors[index] ?? {};
    const row = rows[index];
    const named = (field: 'resource' | 'price') =>
      typeof serverField === 'object' &&
      serverField.key === row.key &&
      serverField.field === field
        ? serverError
        : undefined;
    return {
      resource:
        (submitted || row.resource ? errors.resource : undefined) ??
        named('resource'),
      price:
        (submitted || row.price ? errors.price : undefined) ?? named('price'),
    };
  }
  const suggestions = new Set([
    ...(resources.value ?? [])
      .map(resource => resource.key)
      .filter(key => key !== 'pods'),
  ]);
  rows.forEach(row => suggestions.delete(row.resource.trim()));

  function updateRow(index: number, row: PriceRow) {
    if (
      typeof serverField === 'object' &&
      serverField.key === rows[index].key
    ) {
      setServerField(undefined);
    }
    setRows(all =>
      all.map((old, i) => (i === index ? { ...row, key: old.key } : old)),
    );
  }

  async function save() {
    setSubmitted(true);
    const invalid =
      validation.errors.some(e => e.resource || e.price) ||
      validation.formError ||
      noteError;
    if (invalid || 'error' in request) return;
    const saved = await submit(async () => {
      setServerField(undefined);
      const book = await api.putPrices(request).catch(error => {
        setServerField(fieldOfMessage(errorMessage(error)));
        throw error;
      });
      onSaved(book);
    });
    if (saved) onClose();
  }

  /** Maps "'prices[i]...'" (i counts the prices sent) back to its row. */
  function fieldOfMessage(message: string) {
    const named = serverFieldOf(message);
    if (named?.kind === 'effectiveFrom') return 'effectiveFrom' as const;
    if (!named) return undefined;
    const sent = rows.filter(row => row.resource.trim() || row.price.trim());
    const row = sent[named.index];
    return row ? { key: row.key, field: named.field } : undefined;
  }

  return (
    <FormDialog
      open={open}
      titleId="bison-edit-prices-title"
      title="Edit prices"
      maxWidth="md"
      sending={sending}
      error={serverError}
      submitLabel="Save"
      onClose={onClose}
      onSubmit={save}
    >
      <Typography variant="body2" color="textSecondary" paragraph>
        Saving creates version {current.version + 1} of the price book. Prices
        are per core-hour (cpu), GiB-hour (memory) or device-hour (GPUs and
        other devices). A GPU model key such as nvidia.com/gpu:A100 overrides
        the nvidia.com/gpu price for that model.
      </Typography>
      <Box role="group" aria-label="Prices">
        {rows.map((row, index) => (
          <PriceRowFields
            key={row.key}
            index={index}
            row={row}
            errors={rowErrors(index)}
            currency={currency}
            disabled={sending}
            onChange={next => updateRow(index, next)}
            onRemove={() => setRows(all => all.filter((_, i) => i !== index))}
          />
        ))}
      </Box>
      <datalist id={RESOURCE_OPTIONS_ID}>
        {[...suggestions].map(key => (
          <option key={key} value={key} />
        ))}
      </datalist>
      {shown(validation.formError) && (
        <Typography color="error" variant="body2" role="alert">
          {validation.formError}
        </Typography>
      )}
      <Button
        size="small"
        onClick={() =>
          setRows(all => [
            ...all,
            { key: nextKey.current++, resource: '', price: '' },
          ])
        }
        disabled={sending}
      >
        Add resource
      </Button>
      <TextField
        id="bison-prices-effective-from"
        type="datetime-local"
        label="Effective from"
        value={effectiveFrom}
        onChange={e => {
          setEffectiveFrom(e.target.value);
          if (serverField === 'effectiveFrom') setServerField(undefined);
        }}
        error={!!shown(dateError) || serverField === 'effectiveFrom'}
        helperText={
          shown(dateError) ??
          (serverField === 'effectiveFrom' ? serverError : undefined) ??
          'Your time zone. Usage windows starting at or after this time use the new prices; a later time schedules the version.'
        }
        disabled={sending}
        fullWidth
        margin="normal"
        InputLabelProps={{ shrink: true }}
      />
      <TextField
        id="bison-prices-note"
        label="Note"
        value={note}
        onChange={e => setNote(e.target.value)}
        error={!!noteError}
        helperText={noteError ?? 'Optional, e.g. why the prices change'}
        disabled={sending}
        fullWidth
        multiline
        margin="normal"
      />
    </FormDialog>
  );
}
