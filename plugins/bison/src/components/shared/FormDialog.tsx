import Button from '@material-ui/core/Button';
import Dialog, { DialogProps } from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, ReactNode, useCallback, useRef, useState } from 'react';
import { errorMessage } from './errorMessage';

/** The state of a dialog's request, from {@link useSubmission}. */
export interface Submission {
  /** Whether an action is running. */
  sending: boolean;
  /** The message of the last action's error, until the next action or reset. */
  serverError?: string;
  /** Clears the error and the sending state, e.g. when the dialog reopens. */
  reset(): void;
  /**
   * Runs `action` unless one is running already, keeping its error message;
   * resolves whether it succeeded.
   */
  submit(action: () => Promise<unknown>): Promise<boolean>;
}

/** Runs a dialog's requests one at a time and keeps the last one's error. */
export function useSubmission(): Submission {
  const [sending, setSending] = useState(false);
  const [serverError, setServerError] = useState<string>();
  // The state lags behind a second submit in the same tick; the ref does not.
  const running = useRef(false);

  const reset = useCallback(() => {
    running.current = false;
    setSending(false);
    setServerError(undefined);
  }, []);

  const submit = useCallback(async (action: () => Promise<unknown>) => {
    if (running.current) return false;
    running.current = true;
    setSending(true);
    setServerError(undefined);
    try {
      await action();
      return true;
    } catch (error) {
      setServerError(errorMessage(error));
      return false;
    } finally {
      running.current = false;
      setSending(false);
    }
  }, []);

  return { sending, serverError, reset, submit };
}

/** A request's error, announced as an alert. */
export function ErrorAlert(props: { error?: string }) {
  if (!props.error) return null;
  return (
    <Alert severity="error" role="alert">
      {props.error}
    </Alert>
  );
}

/**
 * A dialog holding a form: the title names the dialog, the error shows
 * above the content, and Cancel and closing are blocked while sending.
 */
export function FormDialog(props: {
  open: boolean;
  /** The title's id, which labels the dialog. */
  titleId: string;
  title: ReactNode;
  maxWidth: DialogProps['maxWidth'];
  sending: boolean;
  error?: string;
  submitLabel: string;
  submitColor?: 'primary' | 'secondary';
  /** Disables the submit button besides while sending. */
  submitDisabled?: boolean;
  onClose: () => void;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { open, titleId, title, maxWidth, sending, error, onClose } = props;

  function submit(event: FormEvent) {
    event.preventDefault();
    props.onSubmit();
  }

  return (
    <Dialog
      open={open}
      onClose={sending ? undefined : onClose}
      aria-labelledby={titleId}
      fullWidth
      maxWidth={maxWidth}
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <ErrorAlert error={error} />
          {props.children}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={sending}>
            Cancel
          </Button>
          <Button
            type="submit"
            color={props.submitColor ?? 'primary'}
            variant="contained"
            disabled={sending || props.submitDisabled}
          >
            {props.submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
