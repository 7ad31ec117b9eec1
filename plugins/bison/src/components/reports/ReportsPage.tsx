import {
  EmptyState,
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
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { bisonApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { isForbidden } from '../shared/errorMessage';
import { useSettings } from '../useSettings';
import { PeriodComparisonCard } from './PeriodComparisonCard';
import { PeriodPicker } from './PeriodPicker';
import { ProjectReportCard } from './ProjectReportCard';
import {
  DEFAULT_REPORT_PERIOD,
  ReportPeriod,
  reportPeriodRange,
} from './reportPeriods';
import { ReportsNotAllowed } from './ReportsNotAllowed';
import { ReconciliationCard } from './reconciliation/ReconciliationCard';
import { TeamReportCard } from './TeamReportCard';

function Reports() {
  const api = useApi(bisonApiRef);
  const settings = useSettings();
  const [period, setPeriod] = useState<ReportPeriod>(DEFAULT_REPORT_PERIOD);
  const timeZone = settings.value?.reportsTimeZone ?? 'UTC';
  // Fixed when the period is picked, so that both reports and their CSVs
  // cover the same instants.
  const range = useMemo(
    () => reportPeriodRange(period, new Date(), timeZone),
    [period, timeZone],
  );
  const reports = useAsync(async () => {
    if (!settings.value) return undefined;
    const [teams, projects] = await Promise.all([
      api.getTeamReport(range),
      api.getProjectReport(range),
    ]);
    return { teams, projects };
  }, [api, range, settings.value]);

  const error = settings.error ?? reports.error;
  const forbidden = Boolean(error && isForbidden(error));
  let body;
  if (forbidden) {
    body = <ReportsNotAllowed />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!settings.value || !reports.value || reports.loading) {
    body = <Progress />;
  } else if (
    reports.value.teams.teams.length === 0 &&
    reports.value.projects.projects.length === 0
  ) {
    body = (
      <EmptyState
        missing="data"
        title="No usage in this period"
        description="Nothing was billed to any team or namespace in this period or the one before. Pick a longer period, or check the billing status on the overview."
      />
    );
  } else {
    const { currency } = settings.value;
    const { teams, projects } = reports.value;
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <TeamReportCard
            report={teams}
            range={range}
            currency={currency}
            timeZone={timeZone}
          />
        </Grid>
        <Grid item xs={12}>
          <PeriodComparisonCard report={teams} currency={currency} />
        </Grid>
        <Grid item xs={12}>
          <ProjectReportCard
            report={projects}
            range={range}
            currency={currency}
            timeZone={timeZone}
          />
        </Grid>
      </Grid>
    );
  }

  return (
    <>
      <PeriodPicker
        value={period}
        range={range}
        timeZone={timeZone}
        onChange={setPeriod}
      />
      {body}
      {!forbidden && (
        <Box mt={3}>
          <ReconciliationCard currency={settings.value?.currency} />
        </Box>
      )}
    </>
  );
}

/**
 * Cost reports (`/bison/reports`), for those allowed `bison.reports.read`:
 * over a period picked from presets, the teams ranked by cost with their
 * share and change against the previous period, the costliest teams
 * compared in a chart, every namespace's cost with the unallocated ones
 * highlighted, and both reports as CSV.
 */
export function ReportsPage() {
  const overviewLink = useRouteRef(rootRouteRef);
  const permission = usePermission({ permission: reportsReadPermission });

  let body;
  if (permission.loading) body = <Progress />;
  else if (!permission.allowed) body = <ReportsNotAllowed />;
  else body = <Reports />;

  return (
    <>
      <Box mb={3}>
        <Link to={overviewLink()}>All teams</Link>
        <Typography variant="h4" component="h1">
          Reports
        </Typography>
        <Typography variant="body2" color="textSecondary">
          What every team and namespace cost over a period, against the previous
          period of the same length. Balances and states are as of now.
        </Typography>
      </Box>
      {body}
    </>
  );
}
