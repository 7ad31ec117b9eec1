import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  BisonCurrency,
  bisonApiRef,
  ProjectReport,
  ReportRange,
} from '../../api';
import { isZeroAmount } from '../shared/money';
import { Money } from '../shared/Money';
import { plural } from '../shared/plural';
import { DownloadButton } from './DownloadButton';
import { reportFileName } from './reportPeriods';
import { ProjectReportTable } from './ProjectReportTable';
import { useBlobDownload } from './useBlobDownload';

/**
 * The project report: every namespace's cost, unallocated ones (usage in
 * namespaces of no team) called out, and its CSV.
 */
export function ProjectReportCard(props: {
  report: ProjectReport;
  range: Required<ReportRange>;
  currency: BisonCurrency;
  /** The reports' time zone, for the dates in the CSV's file name. */
  timeZone: string;
}) {
  const { report, range, currency, timeZone } = props;
  const api = useApi(bisonApiRef);
  const { download, pending, error } = useBlobDownload();
  const unallocated = report.projects.filter(p => p.team === null);
  return (
    <InfoCard
      title="Cost by namespace"
      subheader="Every namespace billed in the period, those of no team included"
      action={
        <Box mt={1} mr={1}>
          <DownloadButton
            label="Download CSV"
            title="Download CSV of the project report"
            busy={pending === 'projects'}
            onClick={() =>
              download(
                'projects',
                () => api.downloadProjectReportCsv(range),
                reportFileName('projects', range, timeZone),
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
      {!isZeroAmount(report.unallocated) && (
        <Box mb={2}>
          <Alert severity="warning" data-testid="unallocated-summary">
            <Money amount={report.unallocated} currency={currency} /> of usage
            in {plural(unallocated.length, 'namespace')} of no team. Bring them
            into a team to charge it.
          </Alert>
        </Box>
      )}
      <ProjectReportTable projects={report.projects} currency={currency} />
      <Box mt={1}>
        <Typography variant="caption" color="textSecondary">
          Total <Money amount={report.total} currency={currency} />
        </Typography>
      </Box>
    </InfoCard>
  );
}
