import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { bisonApiRef, BisonProject } from '../../api';
import { isForbidden } from '../shared/errorMessage';
import { Money } from '../shared/Money';
import { useSettings } from '../useSettings';
import { costChartData } from './chartData';
import { CostChart } from './CostChart';
import { costRangeQuery } from './costRanges';

/**
 * The cost of one project (namespace) over the last 30 days, by day: its
 * team's usage grouped by project, narrowed to this project.
 */
export function ProjectCost(props: { project: BisonProject }) {
  const { project } = props;
  const api = useApi(bisonApiRef);
  const settings = useSettings();
  const usage = useAsync(
    () =>
      api.getTeamUsage(project.team, {
        ...costRangeQuery('30d'),
        groupBy: 'project',
      }),
    [api, project.team],
  );

  const error = settings.error ?? usage.error;
  if (error && isForbidden(error)) {
    return (
      <Typography variant="body2" color="textSecondary">
        You do not have access to the cost of this project.
      </Typography>
    );
  }
  if (error) return <ResponseErrorPanel error={error} />;
  if (!settings.value || !usage.value) return <Progress />;

  const { currency } = settings.value;
  const { from, to, granularity } = usage.value;
  const buckets = usage.value.buckets.filter(b => b.key === project.name);
  const total = usage.value.totals.find(t => t.key === project.name);
  if (!total && buckets.length === 0) {
    return (
      <Typography
        variant="body2"
        color="textSecondary"
        data-testid="project-cost-empty"
      >
        No usage billed in the last 30 days.
      </Typography>
    );
  }
  return (
    <>
      <Box display="flex" alignItems="baseline" gridGap={8}>
        <Typography variant="h5" component="p" data-testid="project-cost-total">
          {total ? <Money amount={total.cost} currency={currency} /> : '—'}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          in the last 30 days
        </Typography>
      </Box>
      <CostChart
        title={`Cost per day of ${project.name}`}
        currency={currency}
        height={140}
        compact
        data={costChartData({
          buckets,
          keys: [project.name],
          from,
          to,
          granularity,
        })}
      />
    </>
  );
}
