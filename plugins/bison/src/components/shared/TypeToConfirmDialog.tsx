import DialogContentText from '@material-ui/core/DialogContentText';
import TextField from '@material-ui/core/TextField';
import { ReactNode, useEffect, useState } from 'react';
import { FormDialog, useSubmission } from './FormDialog';

/**
 * Confirms a destructive action by asking to type the name of what it
 * destroys; the action's error, if any, is shown in the dialog.
 */
export function TypeToConfirmDialog(props: {
  open: boolean;
  id: string;
  title: string;
  /** What to type, e.g. the project name. */
  name: string;
  /** Label of the confirmation field, e.g. 'Project name'. */
  nameLabel: string;
  description: ReactNode;
  confirmLabel: string;
  onClose: () => void;
  onConfirm: () => Promise<void>;
  children?: ReactNode;
}) {
  const { open, id, title, name, nameLabel, description, confirmLabel } = props;
  const { onClose, onConfirm, children } = props;
  const [typed, setTyped] = useState('');
  const { sending, serverError, reset, submit } = useSubmission();

  useEffect(() => {
    if (open) {
      setTyped('');
      reset();
    }
  }, [open, reset]);

  const confirmed = typed.trim() === name;

  async function confirm() {
    if (!confirmed) return;
    if (await submit(onConfirm)) onClose();
  }

  return (
    <FormDialog
      open={open}
      titleId={`${id}-title`}
      title={title}
      maxWidth="sm"
      sending={sending}
      error={serverError}
      submitLabel={confirmLabel}
      submitColor="secondary"
      submitDisabled={!confirmed}
      onClose={onClose}
      onSubmit={confirm}
    >
      <DialogContentText component="div">{description}</DialogContentText>
      {children}
      <TextField
        id={`${id}-name`}
        label={nameLabel}
        value={typed}
        onChange={e => setTyped(e.target.value)}
        helperText={`Type ${name} to confirm`}
        disabled={sending}
        fullWidth
        margin="normal"
        inputProps={{ autoComplete: 'off' }}
      />
    </FormDialog>
  );
}
