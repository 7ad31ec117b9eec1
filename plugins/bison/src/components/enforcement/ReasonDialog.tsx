import DialogContentText from '@material-ui/core/DialogContentText';
import TextField from '@material-ui/core/TextField';
import { ReactNode, useEffect, useState } from 'react';
import { FormDialog, useSubmission } from '../shared/FormDialog';

/**
 * A dialog that asks for a required reason before an action, the action's
 * error shown in it.
 */
export function ReasonDialog(props: {
  open: boolean;
  id: string;
  title: string;
  description: ReactNode;
  submitLabel: string;
  submitColor?: 'primary' | 'secondary';
  /** The reason the field starts with. */
  initialReason?: string;
  onClose: () => void;
  onConfirm: (reason: string) => Promise<void>;
  /** Further fields, below the reason. */
  children?: ReactNode;
}) {
  const { open, id, title, description, submitLabel, initialReason } = props;
  const { onClose, onConfirm, children } = props;
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const { sending, serverError, reset, submit } = useSubmission();

  useEffect(() => {
    if (open) {
      setReason(initialReason ?? '');
      setSubmitted(false);
      reset();
    }
  }, [open, initialReason, reset]);

  const missing = reason.trim() === '';

  async function confirm() {
    setSubmitted(true);
    if (missing) return;
    if (await submit(() => onConfirm(reason.trim()))) onClose();
  }

  return (
    <FormDialog
      open={open}
      titleId={`${id}-title`}
      title={title}
      maxWidth="sm"
      sending={sending}
      error={serverError}
      submitLabel={submitLabel}
      submitColor={props.submitColor}
      onClose={onClose}
      onSubmit={confirm}
    >
      <DialogContentText component="div">{description}</DialogContentText>
      <TextField
        id={`${id}-reason`}
        label="Reason"
        required
        value={reason}
        onChange={e => setReason(e.target.value)}
        error={submitted && missing}
        helperText={
          submitted && missing
            ? 'Enter a reason'
            : 'Shown to the team and kept in the audit log'
        }
        disabled={sending}
        fullWidth
        multiline
        margin="normal"
      />
      {children}
    </FormDialog>
  );
}
