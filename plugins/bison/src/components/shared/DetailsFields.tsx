import TextField from '@material-ui/core/TextField';

/** The display name and description fields of a team or project form. */
export function DetailsFields(props: {
  /** Prefix of the fields' ids, e.g. `bison-edit-team`. */
  idPrefix: string;
  displayName: string;
  description: string;
  onDisplayNameChange: (value: string) => void;
  onDescriptionChange: (value: string) => void;
  disabled?: boolean;
}) {
  return (
    <>
      <TextField
        id={`${props.idPrefix}-display-name`}
        label="Display name"
        value={props.displayName}
        onChange={e => props.onDisplayNameChange(e.target.value)}
        disabled={props.disabled}
        fullWidth
        margin="normal"
      />
      <TextField
        id={`${props.idPrefix}-description`}
        label="Description"
        value={props.description}
        onChange={e => props.onDescriptionChange(e.target.value)}
        disabled={props.disabled}
        fullWidth
        multiline
        margin="normal"
      />
    </>
  );
}
