import { useApi } from '@backstage/core-plugin-api';
import DialogContentText from '@material-ui/core/DialogContentText';
import { useEffect } from 'react';
import { bisonApiRef, BisonNode } from '../../api';
import { FormDialog, useSubmission } from '../shared/FormDialog';

/** Returns a node to the shared pool, after confirmation. */
export function ReleaseNodeDialog(props: {
  node?: BisonNode;
  onClose: () => void;
  onDone: () => void;
}) {
  const { node, onClose, onDone } = props;
  const api = useApi(bisonApiRef);
  const { sending, serverError, reset, submit } = useSubmission();

  useEffect(() => reset(), [node, reset]);

  async function release() {
    if (!node) return;
    if (await submit(() => api.releaseNode(node.name))) {
      onDone();
      onClose();
    }
  }

  return (
    <FormDialog
      open={!!node}
      titleId="bison-release-node-title"
      title={<>Release node {node?.name}</>}
      maxWidth="xs"
      sending={sending}
      error={serverError}
      submitLabel="Release"
      onClose={onClose}
      onSubmit={release}
    >
      <DialogContentText>
        The node returns to the shared pool and stops being reserved for team{' '}
        {node?.team}.
      </DialogContentText>
    </FormDialog>
  );
}
