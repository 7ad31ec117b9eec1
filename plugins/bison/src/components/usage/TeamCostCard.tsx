import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { BisonCurrency, bisonApiRef, TeamUsage, UsageGroupBy } from '../../api';
import { isForbidden } from '../shared/errorMessage';
import { Money } from '../shared/Money';
import { useSettings } from '../useSettings';
import { costChartData } from './chartData';
import { CostChart } from './CostChart';
import { COST_RANGES, CostRange, costRangeQuery } from './costRanges';
import { CostTotalsTable } from './CostTotalsTable';

const GROUPINGS: { id: UsageGroupBy; label: string }[] = [
  { id: 'resource', label: 'By resource' },
  { id: 'project', label: 'By project' },
];

interface PeriodUsage {
  byResource: TeamUsage;
  byProject: TeamUsage;
}

function CostBody(props: {
  usage: PeriodUsage;
  groupBy: UsageGroupBy;
  periodLabel: string;
  currency: BisonCurrency;
}) {
  const { usage, groupBy, periodLabel, currency } = props;
  const { byResource, byProject } = usage;
  const shown = groupBy === 'project' ? byProject : byResource;
  const empty =
    byResource.buckets.length === 0 && byProject.buckets.length === 0;
  return (
    <>
      <Box mb={2}>
        <Typography variant="h4" component="p" data-testid="cost-total">
          <Money amount={byResource.total} currency={currency} />
        </Typography>
        <Typography variant="body2" color="textSecondary">
          Total of the last {periodLabel}
        </Typography>
      </Box>
      {empty ? (
        <Typography color="textSecondary" data-testid="cost-empty">
          No usage billed for this team in the last {periodLabel}. Costs appear
          here once the team's projects run workloads and billing has priced
          them.
        </Typography>
      ) : (
        <>
          <CostChart
            title={`Cost by ${groupBy}`}
            currency={currency}
            data={costChartData({
              buckets: shown.buckets,
              keys: shown.totals.map(total => total.key),
              from: shown.from,
              to: shown.to,
              granularity: shown.granularity,
            })}
          />
          <Typography variant="caption" color="textSecondary">
            Buckets in UTC.
          </Typography>
          <Grid container spacing={3}>
            <Grid item xs={12} md={6}>
              <CostTotalsTable
                title="Cost per project"
                keyTitle="Project"
                totals={byProject.totals}
                currency={currency}
              />
            </Grid>
            <Grid item xs={12} md={6}>
              <CostTotalsTable
                title="Cost per resource"
                keyTitle="Resource"
                totals={byResource.totals}
                currency={currency}
                withUsage
              />
            </Grid>
          </Grid>
        </>
      )}
    </>
  );
}

/**
 * The team's cost over the last 24 hours or 7 days (by hour), 30 days (by
 * day) or 12 months (by month), stacked by resource or by project, with the period's
 * total and its cost per project and per resource.
 */
export function TeamCostCard(props: { team: string }) {
  const { team } = props;
  const api = useApi(bisonApiRef);
  const settings = useSettings();
  const [range, setRange] = useState<CostRange>('30d');
  const [groupBy, setGroupBy] = useState<UsageGroupBy>('resource');
  const usage = useAsync(async (): Promise<PeriodUsage> => {
    const query = costRangeQuery(range);
    const [byResource, byProject] = await Promise.all([
      api.getTeamUsage(team, { ...query, groupBy: 'resource' }),
      api.getTeamUsage(team, { ...query, groupBy: 'project' }),
    ]);
    return { byResource, byProject };
  }, [api, team, range]);
  const periodLabel = COST_RANGES.find(r => r.id === range)!.label;

  const error = settings.error ?? usage.error;
  let body;
  if (error && isForbidden(error)) {
    body = (
      <Typography color="textSecondary">
        You do not have access to this team's cost.
      </Typography>
    );
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!settings.value || !usage.value || usage.loading) {
    body = <Progress />;
  } else {
    body = (
      <CostBody
        usage={usage.value}
        groupBy={groupBy}
        periodLabel={periodLabel}
        currency={settings.value.currency}
      />
    );
  }

  return (
    <InfoCard title="Cost">
      <Box
        display="flex"
        flexWrap="wrap"
        justifyContent="space-between"
        gridGap={8}
        mb={2}
      >
        <ToggleButtonGroup
          size="small"
          exclusive
          value={range}
          onChange={(_, value: CostRange | null) => value && setRange(value)}
          aria-label="Period"
        >
          {COST_RANGES.map(option => (
            <ToggleButton key={option.id} value={option.id}>
              {option.label}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={groupBy}
          onChange={(_, value: UsageGroupBy | null) =>
            value && setGroupBy(value)
          }
          aria-label="Group by"
        >
          {GROUPINGS.map(option => (
            <ToggleButton key={option.id} value={option.id}>
              {option.label}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      {body}
    </InfoCard>
  );
}
