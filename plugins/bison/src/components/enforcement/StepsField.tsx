import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import { SuspensionStep } from '../../api';
import { stepLabel, SUSPENSION_STEPS } from './steps';

/** A checkbox for each suspension step. */
export function StepsField(props: {
  label: string;
  helperText: string;
  value: SuspensionStep[];
  onChange: (steps: SuspensionStep[]) => void;
  disabled?: boolean;
}) {
  const { label, helperText, value, onChange, disabled } = props;
  return (
    <FormControl component="fieldset" margin="normal" disabled={disabled}>
      <FormLabel component="legend">{label}</FormLabel>
      <FormGroup>
        {SUSPENSION_STEPS.map(step => (
          <FormControlLabel
            key={step}
            label={stepLabel(step)}
            control={
              <Checkbox
                size="small"
                checked={value.includes(step)}
                onChange={e =>
                  onChange(
                    e.target.checked
                      ? [...value, step]
                      : value.filter(s => s !== step),
                  )
                }
              />
            }
          />
        ))}
      </FormGroup>
      <FormHelperText>{helperText}</FormHelperText>
    </FormControl>
  );
}
