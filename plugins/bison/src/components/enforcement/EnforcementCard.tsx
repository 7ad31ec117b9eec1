import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useSignal } from '@backstage/plugin-signals-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { BisonCurrency, bisonApiRef, TeamEnforcement } from '../../api';
import { useSettings } from '../useSettings';
import { WALLET_SIGNAL_CHANNEL, WalletSignal } from '../wallet/TeamWalletView';
import { EnforcementActions } from './EnforcementActions';
import { EnforcementSettingsTable } from './EnforcementSettingsTable';
import { SuspensionPreviewSection } from './SuspensionPreviewSection';
import { SuspensionSection } from './SuspensionSection';

/** How often a suspension or resume under way is looked at again. */
const POLL_MS = 2000;

function EnforcementBody(props: {
  enforcement: TeamEnforcement;
  currency: BisonCurrency;
}) {
  const { enforcement, currency } = props;
  const { suspension } = enforcement;
  // Once the ladder has stopped everything, the preview would list nothing.
  const stopped =
    enforcement.state === 'suspended' && suspension?.cluster === 'enforce';
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={5}>
        <EnforcementSettingsTable
          enforcement={enforcement}
          currency={currency}
        />
      </Grid>
      <Grid item xs={12} md={7}>
        {!stopped && <SuspensionPreviewSection preview={enforcement.preview} />}
        {suspension && (
          <Box mt={stopped ? 0 : 3}>
            <SuspensionSection suspension={suspension} />
          </Box>
        )}
      </Grid>
    </Grid>
  );
}

/**
 * A team's enforcement: the settings in effect (its own or the defaults),
 * what a suspension would stop now, the current or last suspension with
 * every change it made, and for those allowed to, editing the settings,
 * suspending and resuming. Reloads when the team's wallet changes.
 */
export function EnforcementCard(props: {
  team: string;
  /** Change to reload the card. */
  refreshKey?: number;
  /** Called after a change made here (the wallet state changes with it). */
  onChanged?: () => void;
}) {
  const { team, refreshKey = 0, onChanged } = props;
  const api = useApi(bisonApiRef);
  const settings = useSettings();
  const [reloads, setReloads] = useState(0);
  const { lastSignal } = useSignal<WalletSignal>(WALLET_SIGNAL_CHANNEL);
  useEffect(() => {
    if (lastSignal?.team === team) setReloads(n => n + 1);
  }, [lastSignal, team]);
  const { value, loading, error } = useAsync(
    () => api.getEnforcement(team),
    [api, team, refreshKey, reloads],
  );
  const currency = settings.value?.currency;
  // While the ladder runs the backend finishes it in the background: look
  // again until it has, then tell the wallet (its banner lists what stopped).
  const inProgress =
    value?.suspension?.status === 'suspending' ||
    value?.suspension?.status === 'resuming';
  const [wasInProgress, setWasInProgress] = useState(false);
  useEffect(() => {
    if (inProgress) {
      setWasInProgress(true);
      const timer = setTimeout(() => setReloads(n => n + 1), POLL_MS);
      return () => clearTimeout(timer);
    }
    if (wasInProgress && value) {
      setWasInProgress(false);
      onChanged?.();
    }
    return undefined;
  }, [inProgress, wasInProgress, value, onChanged]);

  let body;
  if (error || settings.error) {
    body = <ResponseErrorPanel error={(error ?? settings.error)!} />;
  } else if (!value || !currency) {
    body = loading || settings.loading ? <Progress /> : null;
  } else {
    body = <EnforcementBody enforcement={value} currency={currency} />;
  }

  return (
    <InfoCard
      title="Enforcement"
      action={
        value &&
        currency && (
          <EnforcementActions
            team={team}
            enforcement={value}
            currency={currency}
            onChanged={() => {
              setReloads(n => n + 1);
              onChanged?.();
            }}
          />
        )
      }
    >
      {body}
    </InfoCard>
  );
}
