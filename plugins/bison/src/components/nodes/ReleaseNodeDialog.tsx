import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { useEffect, useState } from 'react';
import { bisonApiRef, BisonNode } from '../../api';
import { errorMessage } from '../shared/errorMessage';

/** Returns a node to the shared pool, after confirmation. */
export function ReleaseNodeDialog(props: {
  node?: BisonNode;
  onClose: () => void;
  onDone: () => void;
}) {
  const { node, onClose, onDone } = props;
  const api = useApi(bisonApiRef);
  const [sending, setSending] = useState(false);
  const [serverError, setServerError] = useState<string>();

  useEffect(() => {
    setSending(false);
    setServerError(undefined);
  }, [node]);

  async function release() {
    if (!node || sending) return;
    setSending(true);
    setServerError(undefined);
    try {
      await api.releaseNode(node.name);
      setSending(false);
      onDone();
      onClose();
    } catch (error) {
      setSending(false);
      setServerError(errorMessage(error));
    }
  }

  return (
    <Dialog
      open={!!node}
      onClose={sending ? undefined : onClose}
      aria-labelledby="bison-release-node-title"
      fullWidth
      maxWidth="xs"
    >
      <DialogTitle id="bison-release-node-title">
        Release node {node?.name}
      </DialogTitle>
      <DialogContent>
        {serverError && (
          <Alert severity="error" role="alert">
            {serverError}
          </Alert>
        )}
        <DialogContentText>
          The node returns to the shared pool and stops being reserved for team{' '}
          {node?.team}.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={sending}>
          Cancel
        </Button>
        <Button
          color="primary"
          variant="contained"
          onClick={release}
          disabled={sending}
        >
          Release
        </Button>
      </DialogActions>
    </Dialog>
  );
}
