import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import { BisonCurrency, bisonApiRef, ReportRange, TeamReport } from '../../api';
import { DownloadButton } from './DownloadButton';
import { describePeriod, reportFileName } from './reportPeriods';
import { AmountStat } from '../shared/AmountStat';
import { formatAmount } from '../shared/money';
import { TeamRankingTable } from './TeamRankingTable';
import { useBlobDownload } from './useBlobDownload';

/**
 * The team report: the period's total, the previous period's and the
 * unallocated spend, the teams ranked by cost, and its CSV.
 */
export function TeamReportCard(props: {
  report: TeamReport;
  range: Required<ReportRange>;
  currency: BisonCurrency;
  timeZone: string;
}) {
  const { report, range, currency, timeZone } = props;
  const api = useApi(bisonApiRef);
  const { download, pending, error } = useBlobDownload();
  return (
    <InfoCard
      title="Cost by team"
      subheader={`Changes against the previous period, ${describePeriod(
        report.previousFrom,
        report.previousTo,
        timeZone,
      )}`}
      action={
        <Box mt={1} mr={1}>
          <DownloadButton
            label="Download CSV"
            title="Download CSV of the team report"
            busy={pending === 'teams'}
            onClick={() =>
              download(
                'teams',
                () => api.downloadTeamReportCsv(range),
                reportFileName('teams', range, timeZone),
              )
            }
          />
        </Box>
      }
    >
      {error && (
        <Box mb={2}>
          <Alert severity="error">{error}</Alert>
        </Box>
      )}
      <Box display="flex" flexWrap="wrap" gridGap={48} mb={2}>
        <AmountStat
          label="Total"
          amount={report.total}
          currency={currency}
          testId="report-total"
          hint="Every team and unallocated usage"
        />
        <AmountStat
          label="Previous period"
          amount={report.previousTotal}
          currency={currency}
          testId="report-previous-total"
        />
        <AmountStat
          label="Unallocated"
          amount={report.unallocated}
          currency={currency}
          testId="report-unallocated"
          hint={`Usage in namespaces of no team; ${formatAmount(
            report.previousUnallocated,
            currency,
          )} in the previous period`}
        />
      </Box>
      <TeamRankingTable teams={report.teams} currency={currency} />
    </InfoCard>
  );
}
