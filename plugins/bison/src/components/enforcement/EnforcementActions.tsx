import { usePermission } from '@backstage/plugin-permission-react';
import { teamSuspendPermission } from '@bison/plugin-bison-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { useState } from 'react';
import { BisonCurrency, TeamEnforcement } from '../../api';
import { EnforcementSettingsDialog } from './EnforcementSettingsDialog';
import { ResumeDialog } from './ResumeDialog';
import { SuspendDialog } from './SuspendDialog';

/**
 * Edit settings, Suspend and Resume buttons of the enforcement card, shown
 * only to those allowed to suspend this team.
 */
export function EnforcementActions(props: {
  team: string;
  enforcement: TeamEnforcement;
  currency: BisonCurrency;
  /** Called after a change, to reload what it affects. */
  onChanged: () => void;
}) {
  const { team, enforcement, currency, onChanged } = props;
  const [open, setOpen] = useState<'settings' | 'suspend' | 'resume'>();
  const canSuspend = usePermission({
    permission: teamSuspendPermission,
    resourceRef: team,
  }).allowed;
  if (!canSuspend) return null;
  const suspended = enforcement.state === 'suspended';
  const close = () => setOpen(undefined);
  return (
    <Box display="flex" gridGap={8} mt={1} mr={1}>
      <Button variant="outlined" onClick={() => setOpen('settings')}>
        Edit settings
      </Button>
      <Button
        variant="outlined"
        color="secondary"
        onClick={() => setOpen('suspend')}
      >
        {suspended ? 'Change suspension' : 'Suspend'}
      </Button>
      {suspended && (
        <Button
          variant="contained"
          color="primary"
          onClick={() => setOpen('resume')}
        >
          Resume
        </Button>
      )}
      <EnforcementSettingsDialog
        open={open === 'settings'}
        team={team}
        enforcement={enforcement}
        currency={currency}
        onClose={close}
        onSaved={onChanged}
      />
      <SuspendDialog
        open={open === 'suspend'}
        team={team}
        enforcement={enforcement}
        onClose={close}
        onDone={onChanged}
      />
      <ResumeDialog
        open={open === 'resume'}
        team={team}
        enforcement={enforcement}
        currency={currency}
        onClose={close}
        onDone={onChanged}
      />
    </Box>
  );
}
