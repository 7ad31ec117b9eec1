import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { BisonCurrency, TeamEnforcement } from '../../api';
import { Instant } from '../shared/Instant';
import { Money } from '../shared/Money';
import { useNow } from '../shared/useNow';
import { overdueLevel } from '../wallet/stateExplanation';
import { formatTimeLeft } from './countdown';

/** Minutes are shown, so a tick every 15 seconds keeps the countdown right. */
const TICK_MS = 15_000;

function Countdown(props: { graceEndsAt: string; warn: boolean }) {
  const { graceEndsAt, warn } = props;
  const left = formatTimeLeft(graceEndsAt, useNow(TICK_MS));
  let text: string;
  if (left) {
    text = `${
      warn ? 'Would be suspended' : 'Suspended'
    } in ${left} unless recharged`;
  } else {
    text = warn
      ? 'The grace period is over: the team would be suspended now'
      : 'The grace period is over: the team is suspended shortly unless recharged';
  }
  return <strong data-testid="grace-countdown">{text}.</strong>;
}

/** An overdue wallet: since when, and a live countdown to suspension. */
export function OverdueBanner(props: {
  enforcement: TeamEnforcement;
  currency: BisonCurrency;
}) {
  const { enforcement, currency } = props;
  const { settings, overdueSince, graceEndsAt } = enforcement;
  const warn = settings.mode === 'warn';
  return (
    <Alert severity="error" data-testid="overdue-banner">
      <AlertTitle>Overdue</AlertTitle>
      The balance is below{' '}
      <Money amount={overdueLevel(settings.creditLimit)} currency={currency} />
      {overdueSince && (
        <>
          {' '}
          since <Instant at={overdueSince} />
        </>
      )}
      . {graceEndsAt && <Countdown graceEndsAt={graceEndsAt} warn={warn} />}
      {warn && ' Warn mode: nothing will be stopped in the cluster.'}
    </Alert>
  );
}
