import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import Typography from '@material-ui/core/Typography';
import { BisonCurrency, Suspension, TeamEnforcement } from '../../api';
import { Instant } from '../shared/Instant';
import { Money } from '../shared/Money';
import { plural } from '../shared/plural';
import { pendingActions, stoppedSummary } from './stoppedSummary';

/** What the suspension did, or did not do, in the cluster. */
function ClusterEffect(props: { suspension: Suspension }) {
  const { suspension } = props;
  if (suspension.cluster === 'warn') {
    return <>Warn mode: nothing was changed in the cluster.</>;
  }
  if (suspension.cluster === 'ledger-only') {
    return (
      <>
        No Kubernetes cluster is configured: the team is suspended in the ledger
        only.
      </>
    );
  }
  const stopped = stoppedSummary(suspension.actions);
  const pending = pendingActions(suspension.actions);
  return (
    <>
      {stopped ? `Stopped: ${stopped}.` : 'No running workload was stopped.'}
      {pending > 0 &&
        ` ${plural(pending, 'change')} to the cluster not applied yet.`}
    </>
  );
}

function HowItEnds(props: {
  suspension: Suspension;
  enforcement: TeamEnforcement;
  currency: BisonCurrency;
}) {
  const { suspension, enforcement, currency } = props;
  if (suspension.held) {
    return <>Held: only an admin can resume the team, whatever the balance.</>;
  }
  const level = (
    <Money amount={enforcement.settings.resumeBalance} currency={currency} />
  );
  return suspension.trigger === 'manual' ? (
    <>
      Lifted by a recharge that brings the balance to {level}, or by an admin.
    </>
  ) : (
    <>Lifted once the balance reaches {level}.</>
  );
}

/**
 * A suspended team: why, since when and by whom, whether it is held, and
 * what was stopped in the cluster.
 */
export function SuspendedBanner(props: {
  enforcement: TeamEnforcement;
  currency: BisonCurrency;
}) {
  const { enforcement, currency } = props;
  const { suspension } = enforcement;
  return (
    <Alert severity="error" data-testid="suspended-banner">
      <AlertTitle>Suspended{suspension?.held ? ' and held' : ''}</AlertTitle>
      {suspension ? (
        <>
          <Typography variant="body2">
            {suspension.reason} · since <Instant at={suspension.startedAt} /> by{' '}
            {suspension.actor}
          </Typography>
          <Typography variant="body2">
            <ClusterEffect suspension={suspension} />
          </Typography>
          <Typography variant="body2">
            <HowItEnds
              suspension={suspension}
              enforcement={enforcement}
              currency={currency}
            />
          </Typography>
        </>
      ) : (
        "The team's workloads are stopped until it is recharged."
      )}
    </Alert>
  );
}
