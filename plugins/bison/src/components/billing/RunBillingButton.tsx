import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { billingOperatePermission } from '@bison/plugin-bison-common';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import { useState } from 'react';
import { BillingRun, bisonApiRef } from '../../api';
import { errorMessage } from '../shared/errorMessage';

/** What happened to a run started here. */
export type RunOutcome =
  | { kind: 'run'; run: BillingRun }
  | { kind: 'error'; message: string };

/**
 * "Run billing now", for those allowed to operate billing: runs the engine
 * and reports the finished run (or why it could not start).
 */
export function RunBillingButton(props: {
  onStarted: () => void;
  onDone: (outcome: RunOutcome) => void;
}) {
  const { onStarted, onDone } = props;
  const api = useApi(bisonApiRef);
  const [running, setRunning] = useState(false);
  const allowed = usePermission({
    permission: billingOperatePermission,
  }).allowed;
  if (!allowed) return null;

  async function run() {
    setRunning(true);
    onStarted();
    try {
      onDone({ kind: 'run', run: await api.startBillingRun() });
    } catch (error) {
      onDone({ kind: 'error', message: errorMessage(error) });
    } finally {
      setRunning(false);
    }
  }

  return (
    <Button
      color="primary"
      variant="outlined"
      onClick={run}
      disabled={running}
      aria-busy={running}
      startIcon={running ? <CircularProgress size={16} /> : undefined}
    >
      Run billing now
    </Button>
  );
}
