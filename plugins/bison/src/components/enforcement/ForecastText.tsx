import Typography from '@material-ui/core/Typography';
import { BisonCurrency, TeamEnforcement } from '../../api';
import { Money } from '../shared/Money';
import { formatApproxDuration, formatShortDate } from '../shared/time';

const BASIS = { last24h: 'last 24 hours', last7d: 'last 7 days' };

/** When the team runs out of funds at its burn rate: active and low teams only. */
function RunOut(props: { runOutAt: string | null }) {
  const { runOutAt } = props;
  if (!runOutAt) return <>Never runs out at the current rate</>;
  return (
    <time dateTime={runOutAt} title={new Date(runOutAt).toLocaleString()}>
      Runs out in {formatApproxDuration(Date.parse(runOutAt) - Date.now())} (
      {formatShortDate(runOutAt)})
    </time>
  );
}

/**
 * The forecast of a wallet: when it runs out (falls below the credit limit)
 * and the burn rate it is based on; without recent usage, just that.
 */
export function ForecastText(props: {
  enforcement: TeamEnforcement;
  currency: BisonCurrency;
}) {
  const { enforcement, currency } = props;
  const { forecast, state } = enforcement;
  const funded = state === 'active' || state === 'low';
  return (
    <Typography
      variant="body2"
      color="textSecondary"
      data-testid="wallet-forecast"
    >
      {funded && forecast.basis !== 'none' && (
        <>
          <RunOut runOutAt={forecast.runOutAt} />
          {' · '}
        </>
      )}
      {forecast.basis === 'none' ? (
        'No usage billed in the last 7 days'
      ) : (
        <>
          Burn rate{' '}
          <Money amount={forecast.burnRatePerDay} currency={currency} />
          /day ({BASIS[forecast.basis]})
        </>
      )}
    </Typography>
  );
}
