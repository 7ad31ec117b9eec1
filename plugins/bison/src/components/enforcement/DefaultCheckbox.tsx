import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';

/** The "Use default" switch beside a setting of the enforcement dialog. */
export function DefaultCheckbox(props: {
  /** The setting's label, which names the checkbox. */
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  const { label, checked, onChange, disabled } = props;
  return (
    <FormControlLabel
      style={{ marginTop: 24, whiteSpace: 'nowrap' }}
      control={
        <Checkbox
          checked={checked}
          onChange={e => onChange(e.target.checked)}
          disabled={disabled}
          inputProps={{
            'aria-label': `Use the default ${label.toLowerCase()}`,
          }}
        />
      }
      label="Use default"
    />
  );
}
