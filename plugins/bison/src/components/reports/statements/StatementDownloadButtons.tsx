import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import { bisonApiRef, StatementFormat } from '../../../api';
import { DownloadButton } from '../DownloadButton';
import { useBlobDownload } from '../useBlobDownload';
import { monthLabel, statementFileName } from './statementText';

const FORMATS: StatementFormat[] = ['csv', 'pdf'];

/**
 * CSV and PDF buttons of one statement. The parent owns the download state
 * (from {@link useBlobDownload}), so that it can show a failure once.
 */
export function StatementDownloadButtons(props: {
  team: string;
  month: string;
  downloads: ReturnType<typeof useBlobDownload>;
  /** Short labels ('CSV', 'PDF') for table rows. */
  compact?: boolean;
}) {
  const { team, month, downloads, compact } = props;
  const api = useApi(bisonApiRef);
  return (
    <Box display="flex" gridGap={8}>
      {FORMATS.map(format => {
        const name = format.toUpperCase();
        const key = `${month}.${format}`;
        return (
          <DownloadButton
            key={format}
            size={compact ? 'small' : 'medium'}
            label={compact ? name : `Download ${name}`}
            title={
              compact ? `Download ${monthLabel(month)} as ${name}` : undefined
            }
            busy={downloads.pending === key}
            onClick={() =>
              downloads.download(
                key,
                () => api.downloadTeamStatement(team, month, format),
                statementFileName(team, month, format),
              )
            }
          />
        );
      })}
    </Box>
  );
}
