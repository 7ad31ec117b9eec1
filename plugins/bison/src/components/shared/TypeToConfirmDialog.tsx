import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, ReactNode, useEffect, useState } from 'react';
import { errorMessage } from './errorMessage';

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
  const [sending, setSending] = useState(false);
  const [serverError, setServerError] = useState<string>();

  useEffect(() => {
    if (open) {
      setTyped('');
      setSending(false);
      setServerError(undefined);
    }
  }, [open]);

  const confirmed = typed.trim() === name;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!confirmed || sending) return;
    setSending(true);
    setServerError(undefined);
    try {
      await onConfirm();
      setSending(false);
      onClose();
    } catch (error) {
      setSending(false);
      setServerError(errorMessage(error));
    }
  }

  return (
    <Dialog
      open={open}
      onClose={sending ? undefined : onClose}
      aria-labelledby={`${id}-title`}
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={`${id}-title`}>{title}</DialogTitle>
        <DialogContent>
          {serverError && (
            <Alert severity="error" role="alert">
              {serverError}
            </Alert>
          )}
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
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={sending}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="contained"
            color="secondary"
            disabled={!confirmed || sending}
          >
            {confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
