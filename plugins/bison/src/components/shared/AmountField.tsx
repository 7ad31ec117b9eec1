import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import { BisonCurrency } from '../../api';

/** A text field for a money amount, with the currency symbol in front. */
export function AmountField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  currency: BisonCurrency;
  /** Shown (in red) instead of the helper text. */
  error?: string;
  helperText?: string;
  disabled?: boolean;
  fullWidth?: boolean;
}) {
  const { id, label, value, onChange, currency, error, helperText } = props;
  return (
    <TextField
      id={id}
      label={label}
      value={value}
      onChange={e => onChange(e.target.value)}
      error={!!error}
      helperText={error ?? helperText}
      disabled={props.disabled}
      fullWidth={props.fullWidth}
      margin="normal"
      inputProps={{ inputMode: 'decimal', autoComplete: 'off' }}
      InputProps={{
        startAdornment: (
          <InputAdornment position="start">{currency.symbol}</InputAdornment>
        ),
      }}
    />
  );
}
