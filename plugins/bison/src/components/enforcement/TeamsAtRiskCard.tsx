import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { BisonCurrency, bisonApiRef, TeamAtRisk } from '../../api';
import { teamRouteRef } from '../../routes';
import { Money } from '../shared/Money';
import { formatApproxDuration, formatDateTime } from '../shared/time';
import { useNow } from '../shared/useNow';
import { WalletStateChip } from '../wallet/WalletStateChip';
import { formatTimeLeft } from './countdown';

/** What comes next for the team: suspension, its end, or running out. */
function outlook(team: TeamAtRisk, now: Date): string {
  if (team.state === 'suspended') {
    return team.suspendedAt
      ? `Suspended since ${formatDateTime(team.suspendedAt)}`
      : 'Suspended';
  }
  if (team.state === 'overdue') {
    if (!team.graceEndsAt) return '—';
    const left = formatTimeLeft(team.graceEndsAt, now);
    return left ? `Grace ends in ${left}` : 'Grace period over';
  }
  if (!team.runOutAt) return 'Never runs out at the current rate';
  return `Runs out in ${formatApproxDuration(
    Date.parse(team.runOutAt) - now.getTime(),
  )}`;
}

function AtRiskTable(props: { teams: TeamAtRisk[]; currency: BisonCurrency }) {
  const { teams, currency } = props;
  const teamLink = useRouteRef(teamRouteRef);
  const now = useNow(60_000);
  return (
    <Table size="small" aria-label="Teams at risk">
      <TableHead>
        <TableRow>
          <TableCell>Team</TableCell>
          <TableCell>State</TableCell>
          <TableCell align="right">Balance</TableCell>
          <TableCell align="right">Burn rate</TableCell>
          <TableCell>Outlook</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {teams.map(team => (
          <TableRow key={team.team} data-testid={`at-risk-${team.team}`}>
            <TableCell>
              <Link to={teamLink({ team: team.team })}>{team.team}</Link>
              <Typography variant="body2" color="textSecondary">
                {team.displayName}
              </Typography>
            </TableCell>
            <TableCell>
              <WalletStateChip state={team.state} />
            </TableCell>
            <TableCell align="right">
              <Money amount={team.balance} currency={currency} />
            </TableCell>
            <TableCell align="right" style={{ whiteSpace: 'nowrap' }}>
              <Money amount={team.burnRatePerDay} currency={currency} />
              /day
            </TableCell>
            <TableCell>{outlook(team, now)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * The teams the user may read that are low, overdue or suspended, most
 * urgent first, each linking to its page.
 */
export function TeamsAtRiskCard(props: { currency: BisonCurrency }) {
  const api = useApi(bisonApiRef);
  const { value, loading, error } = useAsync(
    () => api.listTeamsAtRisk(),
    [api],
  );
  let body;
  if (error) body = <ResponseErrorPanel error={error} />;
  else if (!value) body = loading ? <Progress /> : null;
  else if (value.length === 0) {
    body = (
      <Typography color="textSecondary" data-testid="at-risk-empty">
        No team is low, overdue or suspended.
      </Typography>
    );
  } else body = <AtRiskTable teams={value} currency={props.currency} />;
  return <InfoCard title="Teams at risk">{body}</InfoCard>;
}
