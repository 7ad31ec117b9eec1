import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { reportsReadPermission } from '@bison/plugin-bison-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { BisonCurrency, bisonApiRef, UsageSummary } from '../../api';
import { teamRouteRef } from '../../routes';
import { isForbidden } from '../shared/errorMessage';
import { AmountStat } from '../shared/AmountStat';
import { Money } from '../shared/Money';
import { costChartData } from './chartData';
import { CostChart } from './CostChart';
import { lastDays } from './costRanges';

const TOP_TEAMS = 5;

function TopTeams(props: { summary: UsageSummary; currency: BisonCurrency }) {
  const { summary, currency } = props;
  const teamLink = useRouteRef(teamRouteRef);
  const teams = summary.teams.slice(0, TOP_TEAMS);
  if (teams.length === 0) {
    return (
      <Typography color="textSecondary">
        No team used anything in the last 7 days.
      </Typography>
    );
  }
  return (
    <ol data-testid="top-teams" style={{ margin: 0, paddingLeft: 20 }}>
      {teams.map(team => (
        <li key={team.team}>
          <Box display="flex" justifyContent="space-between" gridGap={8}>
            <span>
              <Link to={teamLink({ team: team.team })}>{team.team}</Link>{' '}
              <Typography
                variant="body2"
                component="span"
                color="textSecondary"
              >
                {team.displayName}
              </Typography>
            </span>
            <Money amount={team.cost} currency={currency} />
          </Box>
        </li>
      ))}
    </ol>
  );
}

/** Where unallocated usage comes from: namespaces to bring into a team. */
function UnallocatedNamespaces(props: {
  summary: UsageSummary;
  currency: BisonCurrency;
}) {
  const { summary, currency } = props;
  if (summary.unallocatedNamespaces.length === 0) return null;
  return (
    <Box mt={2}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        Unallocated namespaces, last 7 days
      </Typography>
      <ul
        data-testid="unallocated-namespaces"
        style={{ margin: 0, paddingLeft: 20 }}
      >
        {summary.unallocatedNamespaces.map(row => (
          <li key={row.namespace}>
            <Box display="flex" justifyContent="space-between" gridGap={8}>
              <code>{row.namespace}</code>
              <Money amount={row.cost} currency={currency} />
            </Box>
          </li>
        ))}
      </ul>
    </Box>
  );
}

function SpendContent(props: { currency: BisonCurrency }) {
  const { currency } = props;
  const api = useApi(bisonApiRef);
  const { value, loading, error } = useAsync(async () => {
    const now = new Date();
    const [day, week] = await Promise.all([
      api.getUsageSummary(lastDays(1, now)),
      api.getUsageSummary(lastDays(7, now)),
    ]);
    return { day, week };
  }, [api]);

  // Without the permission to read reports the card is left out.
  if (error && isForbidden(error)) return null;

  let body;
  if (error) body = <ResponseErrorPanel error={error} />;
  else if (!value) body = loading ? <Progress /> : null;
  else {
    const { day, week } = value;
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12} sm={4} md={3}>
          <Box mb={2}>
            <AmountStat
              label="Last 24 hours"
              amount={day.total}
              currency={currency}
              testId="spend-24h"
            />
          </Box>
          <Box mb={2}>
            <AmountStat
              label="Last 7 days"
              amount={week.total}
              currency={currency}
              testId="spend-7d"
            />
          </Box>
          <Box mb={2}>
            <AmountStat
              label="Unallocated, last 7 days"
              amount={week.unallocated}
              currency={currency}
              testId="spend-unallocated"
              hint="Usage in namespaces of no team"
            />
          </Box>
        </Grid>
        <Grid item xs={12} sm={8} md={5}>
          <Typography variant="subtitle2" component="h3" gutterBottom>
            Spend per day
          </Typography>
          <CostChart
            title="Spend per day, last 7 days"
            currency={currency}
            height={180}
            compact
            data={costChartData({
              buckets: week.daily.map(d => ({
                start: d.start,
                key: 'Spend',
                cost: d.cost,
              })),
              keys: ['Spend'],
              from: week.from,
              to: week.to,
              granularity: 'day',
            })}
          />
        </Grid>
        <Grid item xs={12} md={4}>
          <Typography variant="subtitle2" component="h3" gutterBottom>
            Top teams, last 7 days
          </Typography>
          <TopTeams summary={week} currency={currency} />
          <UnallocatedNamespaces summary={week} currency={currency} />
        </Grid>
      </Grid>
    );
  }
  return <InfoCard title="Spend">{body}</InfoCard>;
}

/**
 * Spend across all teams: the last 24 hours and 7 days, unallocated usage
 * and its costliest namespaces, a daily trend and the top teams. Renders nothing for users who may not
 * read reports.
 */
export function SpendCard(props: { currency: BisonCurrency }) {
  const canRead = usePermission({ permission: reportsReadPermission });
  if (!canRead.allowed) return null;
  return <SpendContent currency={props.currency} />;
}
