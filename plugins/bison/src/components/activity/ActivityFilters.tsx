import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { useCallback } from 'react';
import { ACTIVITY_ACTIONS, actionLabel } from './activityActions';
import {
  ActivityFilter,
  isFiltered,
  NO_ACTIVITY_FILTER,
} from './activityFilter';
import { useCommittedText } from './useCommittedText';

/** The choices of a select, with the current value even if it is not one. */
function withCurrent(choices: string[], current: string): string[] {
  return current && !choices.includes(current)
    ? [current, ...choices]
    : choices;
}

const FIELD = {
  size: 'small',
  variant: 'outlined',
  InputLabelProps: { shrink: true },
} as const;

/**
 * Team, actor, action and dates above the activity table. The teams offered
 * are those the user may read; the actor applies once typing pauses.
 */
export function ActivityFilters(props: {
  value: ActivityFilter;
  teams: string[];
  onChange: (value: ActivityFilter) => void;
  /** Shown under the "To" date, e.g. when it is before "From". */
  rangeError?: string;
}) {
  const { value, teams, onChange, rangeError } = props;
  const commitActor = useCallback(
    (actor: string) => onChange({ ...value, actor }),
    [onChange, value],
  );
  const actor = useCommittedText(value.actor, commitActor);
  const set = (key: keyof ActivityFilter) => (text: string) =>
    onChange({ ...value, [key]: text });

  return (
    <Box
      display="flex"
      flexWrap="wrap"
      gridGap={16}
      alignItems="flex-start"
      mb={2}
    >
      <TextField
        {...FIELD}
        id="bison-activity-team"
        select
        label="Team"
        value={value.team}
        onChange={e => set('team')(e.target.value)}
        SelectProps={{ native: true }}
      >
        <option value="">All teams</option>
        {withCurrent(teams, value.team).map(team => (
          <option key={team} value={team}>
            {team}
          </option>
        ))}
      </TextField>
      <TextField
        {...FIELD}
        id="bison-activity-actor"
        style={{ width: 180 }}
        label="Actor"
        placeholder="e.g. mia"
        value={actor.text}
        onChange={e => actor.setText(e.target.value)}
        onBlur={actor.commitNow}
        onKeyDown={e => {
          if (e.key === 'Enter') actor.commitNow();
        }}
      />
      <TextField
        {...FIELD}
        id="bison-activity-action"
        style={{ width: 220 }}
        select
        label="Action"
        value={value.action}
        onChange={e => set('action')(e.target.value)}
        SelectProps={{ native: true }}
      >
        <option value="">All actions</option>
        {withCurrent(Object.keys(ACTIVITY_ACTIONS), value.action).map(id => (
          <option key={id} value={id}>
            {actionLabel(id)}
          </option>
        ))}
      </TextField>
      <TextField
        {...FIELD}
        id="bison-activity-from"
        type="date"
        label="From"
        value={value.from}
        onChange={e => set('from')(e.target.value)}
        helperText="From 00:00 UTC"
      />
      <TextField
        {...FIELD}
        id="bison-activity-to"
        type="date"
        label="To"
        value={value.to}
        onChange={e => set('to')(e.target.value)}
        error={!!rangeError}
        helperText={rangeError ?? 'Through 24:00 UTC'}
      />
      {isFiltered(value) && (
        <Button onClick={() => onChange(NO_ACTIVITY_FILTER)}>
          Clear filters
        </Button>
      )}
    </Box>
  );
}
