import { useApi } from '@backstage/core-plugin-api';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import { useEffect, useState } from 'react';
import { bisonApiRef, TeamEnforcement } from '../../api';
import { plural } from '../shared/plural';
import { ReasonDialog } from './ReasonDialog';
import { stepLabel } from './steps';

/** What suspending will do, from the settings and the preview. */
function Consequences(props: { enforcement: TeamEnforcement }) {
  const { settings, preview } = props.enforcement;
  if (settings.mode === 'warn') {
    return (
      <p>
        Warn mode: the team is marked suspended, but nothing changes in the
        cluster.
      </p>
    );
  }
  return (
    <>
      <p>
        Suspending runs these steps:{' '}
        {settings.steps.length > 0
          ? settings.steps.map(stepLabel).join('; ')
          : 'none'}
        .
      </p>
      {preview?.available && (
        <p>
          It stops {plural(preview.workloads.length, 'workload')} using{' '}
          {plural(preview.gpus, 'GPU')}.
        </p>
      )}
    </>
  );
}

/**
 * Suspends a team with a reason, held or not; for a suspended team it
 * changes the reason and hold of its suspension.
 */
export function SuspendDialog(props: {
  open: boolean;
  team: string;
  enforcement: TeamEnforcement;
  onClose: () => void;
  onDone: (enforcement: TeamEnforcement) => void;
}) {
  const { open, team, enforcement, onClose, onDone } = props;
  const api = useApi(bisonApiRef);
  const [hold, setHold] = useState(false);
  const current =
    enforcement.state === 'suspended' ? enforcement.suspension : null;

  const held = current?.held ?? false;

  useEffect(() => {
    if (open) setHold(held);
  }, [open, held]);

  return (
    <ReasonDialog
      open={open}
      id="bison-suspend"
      title={current ? `Change the suspension of ${team}` : `Suspend ${team}`}
      description={<Consequences enforcement={enforcement} />}
      submitLabel={current ? 'Save' : 'Suspend'}
      submitColor="secondary"
      initialReason={current?.reason}
      onClose={onClose}
      onConfirm={async reason =>
        onDone(await api.suspendTeam(team, { reason, hold }))
      }
    >
      <FormControlLabel
        control={
          <Checkbox checked={hold} onChange={e => setHold(e.target.checked)} />
        }
        label="Hold until an admin resumes the team (a recharge does not lift it)"
      />
    </ReasonDialog>
  );
}
