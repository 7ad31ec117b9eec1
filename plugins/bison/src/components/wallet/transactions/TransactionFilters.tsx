import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { TRANSACTION_KINDS, TransactionKind } from '@bison/plugin-bison-common';
import { KIND_LABELS } from './kindLabels';

/** What the user typed in the filter bar; dates as YYYY-MM-DD. */
export interface TransactionFilterValues {
  kind: TransactionKind | '';
  fromDate: string;
  toDate: string;
}

export const EMPTY_FILTER: TransactionFilterValues = {
  kind: '',
  fromDate: '',
  toDate: '',
};

/** Kind select and from/to date inputs above the transactions table. */
export function TransactionFilters(props: {
  value: TransactionFilterValues;
  onChange: (value: TransactionFilterValues) => void;
  /** Shown under the "To" input, e.g. when it is before "From". */
  rangeError?: string;
}) {
  const { value, onChange, rangeError } = props;
  return (
    <Box display="flex" flexWrap="wrap" gridGap={16} alignItems="flex-start">
      <TextField
        id="bison-transactions-kind"
        select
        label="Kind"
        value={value.kind}
        onChange={e =>
          onChange({ ...value, kind: e.target.value as TransactionKind | '' })
        }
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        size="small"
        variant="outlined"
      >
        <option value="">All kinds</option>
        {TRANSACTION_KINDS.map(kind => (
          <option key={kind} value={kind}>
            {KIND_LABELS[kind]}
          </option>
        ))}
      </TextField>
      <TextField
        id="bison-transactions-from"
        type="date"
        label="From"
        value={value.fromDate}
        onChange={e => onChange({ ...value, fromDate: e.target.value })}
        InputLabelProps={{ shrink: true }}
        helperText="From 00:00 UTC"
        size="small"
        variant="outlined"
      />
      <TextField
        id="bison-transactions-to"
        type="date"
        label="To"
        value={value.toDate}
        onChange={e => onChange({ ...value, toDate: e.target.value })}
        InputLabelProps={{ shrink: true }}
        error={!!rangeError}
        helperText={rangeError ?? 'Through 24:00 UTC'}
        size="small"
        variant="outlined"
      />
    </Box>
  );
}
