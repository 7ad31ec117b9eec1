import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { BisonCurrency, TeamReport } from '../../api';
import { COMPARED_TEAMS, comparisonRows } from './comparisonData';
import { PeriodComparisonChart } from './PeriodComparisonChart';

/**
 * The trend of the costliest teams: this period against the previous one
 * of the same length. (The team report has no daily series to chart.)
 */
export function PeriodComparisonCard(props: {
  report: TeamReport;
  currency: BisonCurrency;
}) {
  const { report, currency } = props;
  const rows = comparisonRows(report.teams);
  return (
    <InfoCard
      title="Trend"
      subheader={`The costliest teams (up to ${COMPARED_TEAMS}), this period against the previous one`}
    >
      {rows.length === 0 ? (
        <Typography color="textSecondary">
          No team had usage in this period or the previous one.
        </Typography>
      ) : (
        <PeriodComparisonChart rows={rows} currency={currency} />
      )}
    </InfoCard>
  );
}
