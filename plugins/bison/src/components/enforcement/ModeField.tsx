import TextField from '@material-ui/core/TextField';
import { EnforcementMode } from '../../api';
import { MODE_LABELS } from './settingLabels';

/** Enforce or warn; empty while the default is not known. */
export function ModeField(props: {
  id: string;
  label: string;
  helperText: string;
  value: EnforcementMode | '';
  onChange: (mode: EnforcementMode) => void;
  disabled?: boolean;
}) {
  const { id, label, helperText, value, onChange, disabled } = props;
  return (
    <TextField
      id={id}
      select
      label={label}
      value={value}
      onChange={e => onChange(e.target.value as EnforcementMode)}
      helperText={helperText}
      SelectProps={{ native: true }}
      disabled={disabled}
      fullWidth
      margin="normal"
    >
      {value === '' && <option value="" />}
      {(['enforce', 'warn'] as const).map(mode => (
        <option key={mode} value={mode}>
          {MODE_LABELS[mode]}
        </option>
      ))}
    </TextField>
  );
}
