import Box from '@material-ui/core/Box';
import InputAdornment from '@material-ui/core/InputAdornment';
import { makeStyles, Theme } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { memo } from 'react';
import { ComputeResource } from '../../api';
import { QuantityInput, unitOptions } from './quantityInput';
import { kindOfQuotaKey, quotaKeyLabel } from './quantityKinds';
import {
  droppedKeys,
  fieldOf,
  QuotaForm,
  validateQuotaForm,
  withField,
} from './quotaForm';

const useStyles = makeStyles((theme: Theme) => ({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: theme.spacing(2),
    padding: theme.spacing(1, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  name: { width: 160, paddingTop: theme.spacing(1) },
  field: { display: 'flex', alignItems: 'flex-start', gap: theme.spacing(1) },
  amount: { width: 160 },
  unit: { width: 120 },
}));

const UNIT_LABELS: Record<string, string> = {
  cores: 'cores',
  millicores: 'millicores',
  Mi: 'Mi',
  Gi: 'Gi',
  Ti: 'Ti',
};

function QuantityField(props: {
  id: string;
  quotaKey: string;
  unitName: string;
  value: QuantityInput;
  error?: string;
  disabled?: boolean;
  onChange: (value: QuantityInput) => void;
}) {
  const { id, quotaKey, unitName, value, error, disabled, onChange } = props;
  const classes = useStyles();
  const label = quotaKeyLabel(quotaKey);
  const units = unitOptions(kindOfQuotaKey(quotaKey));
  return (
    <Box className={classes.field}>
      <TextField
        id={id}
        label={label}
        value={value.amount}
        onChange={e => onChange({ ...value, amount: e.target.value })}
        placeholder="No limit"
        error={!!error}
        helperText={error}
        disabled={disabled}
        size="small"
        variant="outlined"
        className={classes.amount}
        InputLabelProps={{ shrink: true }}
        inputProps={{ inputMode: 'decimal', autoComplete: 'off' }}
        InputProps={
          units.length === 1
            ? {
                endAdornment: (
                  <InputAdornment position="end">{unitName}</InputAdornment>
                ),
              }
            : undefined
        }
      />
      {units.length > 1 && (
        <TextField
          select
          value={value.unit}
          onChange={e => onChange({ ...value, unit: e.target.value })}
          disabled={disabled}
          size="small"
          variant="outlined"
          className={classes.unit}
          SelectProps={{ native: true }}
          inputProps={{ 'aria-label': `${label} unit`, id: `${id}-unit` }}
        >
          {units.map(unit => (
            <option key={unit.id} value={unit.id}>
              {UNIT_LABELS[unit.id] ?? unit.id}
            </option>
          ))}
        </TextField>
      )}
    </Box>
  );
}

/**
 * Edits a quota's `hard` map: a row per resource from GET /resources with a
 * field per quota key (the request and, for cpu and memory, the limit).
 * CPU is typed in cores or millicores, memory in Mi, Gi or Ti, devices and
 * pods as whole numbers; stored values open in their own unit. An empty
 * field means no limit. Errors show inline under each field; build the map
 * to send with `validateQuotaForm`.
 */
export const QuotaEditor = memo(function QuotaRows(props: {
  resources: ComputeResource[];
  form: QuotaForm;
  onChange: (form: QuotaForm) => void;
  /** Prefix of the input ids, unique on the page. */
  idPrefix: string;
  disabled?: boolean;
}) {
  const { resources, form, onChange, idPrefix, disabled } = props;
  const classes = useStyles();
  const { errors } = validateQuotaForm(form, resources);
  const dropped = droppedKeys(form, resources);
  return (
    <Box role="group" aria-label="Quota">
      <Typography variant="body2" color="textSecondary">
        Leave a field empty for no limit.
      </Typography>
      {resources.map(resource => (
        <Box key={resource.key} className={classes.row}>
          <Box className={classes.name}>
            <Typography variant="subtitle2">{resource.displayName}</Typography>
            <Typography variant="caption" color="textSecondary">
              {resource.unit}
              {resource.onNodes ? '' : ' · on no node yet'}
            </Typography>
          </Box>
          {resource.quotaKeys.map(key => (
            <QuantityField
              key={key}
              id={`${idPrefix}-${key}`}
              quotaKey={key}
              unitName={resource.unit}
              value={fieldOf(form, key)}
              error={errors[key]}
              disabled={disabled}
              onChange={value => onChange(withField(form, key, value))}
            />
          ))}
        </Box>
      ))}
      {dropped.length > 0 && (
        <Box mt={2}>
          <Alert severity="warning">
            No longer offered by the cluster, removed when you save:{' '}
            {dropped.map(key => `${key} = ${form.initial[key]}`).join(', ')}
          </Alert>
        </Box>
      )}
    </Box>
  );
});
