import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { bisonApiRef } from '../../api';
import { formatDateTime } from '../shared/time';
import { BillingRunChip } from './BillingRunChip';

const SHOWN = 10;

/** The latest billing runs, newest first (read when shown). */
export function RecentRuns(props: { refreshKey: number }) {
  const api = useApi(bisonApiRef);
  const {
    value: runs,
    loading,
    error,
  } = useAsync(() => api.listBillingRuns(), [api, props.refreshKey]);
  if (error) return <ResponseErrorPanel error={error} />;
  if (!runs) return loading ? <Progress /> : null;
  if (runs.length === 0) {
    return <Typography color="textSecondary">No billing run yet.</Typography>;
  }
  return (
    <Table size="small" aria-label="Recent billing runs">
      <TableHead>
        <TableRow>
          <TableCell>Started</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Trigger</TableCell>
          <TableCell align="right">Billed</TableCell>
          <TableCell align="right">Pending</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {runs.slice(0, SHOWN).map(run => (
          <TableRow key={run.id}>
            <TableCell>{formatDateTime(run.startedAt)}</TableCell>
            <TableCell title={run.error}>
              <BillingRunChip status={run.status} />
            </TableCell>
            <TableCell>
              {run.trigger === 'manual' ? run.actor ?? 'manual' : 'schedule'}
            </TableCell>
            <TableCell align="right">{run.windowsBilled}</TableCell>
            <TableCell align="right">{run.windowsPending}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
