import TextField from '@material-ui/core/TextField';
import { Pool } from '../../api';

const HINTS: Record<Pool, string> = {
  shared: "The team's pods run on any node not reserved for another team",
  exclusive: "The team's pods run only on the nodes assigned to it",
};

/** The node pool of a team: shared or exclusive. */
export function PoolField(props: {
  id: string;
  value: Pool;
  onChange: (pool: Pool) => void;
  disabled?: boolean;
}) {
  const { id, value, onChange, disabled } = props;
  return (
    <TextField
      id={id}
      select
      label="Pool"
      value={value}
      onChange={e => onChange(e.target.value as Pool)}
      helperText={HINTS[value]}
      SelectProps={{ native: true }}
      disabled={disabled}
      fullWidth
      margin="normal"
    >
      <option value="shared">shared</option>
      <option value="exclusive">exclusive</option>
    </TextField>
  );
}
