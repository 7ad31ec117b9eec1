import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { PolicyFormValues } from './policyForm';

const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

const DAYS_OF_MONTH = Array.from({ length: 28 }, (_, i) => i + 1);

/** Schedule (none, weekly on a weekday, monthly on a day 1-28). */
export function ScheduleFields(props: {
  values: PolicyFormValues;
  onChange: (patch: Partial<PolicyFormValues>) => void;
  disabled: boolean;
}) {
  const { values, onChange, disabled } = props;
  return (
    <Box display="flex" flexWrap="wrap" gridGap={16}>
      <TextField
        id="bison-auto-recharge-schedule"
        select
        label="Schedule"
        value={values.schedule}
        onChange={e =>
          onChange({
            schedule: e.target.value as PolicyFormValues['schedule'],
          })
        }
        SelectProps={{ native: true }}
        disabled={disabled}
      >
        <option value="none">None</option>
        <option value="week">Weekly</option>
        <option value="month">Monthly</option>
      </TextField>
      {values.schedule === 'week' && (
        <TextField
          id="bison-auto-recharge-weekday"
          select
          label="Weekday"
          style={{ minWidth: 140 }}
          value={values.weekday}
          onChange={e => onChange({ weekday: Number(e.target.value) })}
          SelectProps={{ native: true }}
          disabled={disabled}
        >
          {WEEKDAYS.map((name, i) => (
            <option key={name} value={i + 1}>
              {name}
            </option>
          ))}
        </TextField>
      )}
      {values.schedule === 'month' && (
        <TextField
          id="bison-auto-recharge-day"
          select
          label="Day of month"
          style={{ minWidth: 120 }}
          value={values.dayOfMonth}
          onChange={e => onChange({ dayOfMonth: Number(e.target.value) })}
          SelectProps={{ native: true }}
          disabled={disabled}
        >
          {DAYS_OF_MONTH.map(day => (
            <option key={day} value={day}>
              {day}
            </option>
          ))}
        </TextField>
      )}
    </Box>
  );
}
