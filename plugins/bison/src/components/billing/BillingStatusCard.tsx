import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { reportsReadPermission } from '@bison/plugin-bison-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { ReactNode, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { BillingRun, BillingStatus, bisonApiRef } from '../../api';
import { isForbidden } from '../shared/errorMessage';
import { Instant } from '../shared/Instant';
import { formatDateTime } from '../shared/time';
import { BillingRunChip } from './BillingRunChip';
import { formatMinutes } from './formatDuration';
import { RecentRuns } from './RecentRuns';
import { RunBillingButton, RunOutcome } from './RunBillingButton';

function Row(props: { label: string; children: ReactNode; testId?: string }) {
  return (
    <TableRow>
      <TableCell component="th" scope="row" style={{ width: '40%' }}>
        {props.label}
      </TableCell>
      <TableCell data-testid={props.testId}>{props.children}</TableCell>
    </TableRow>
  );
}

function LastRun(props: { run?: BillingRun }) {
  const { run } = props;
  if (!run) return <>never</>;
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={8}>
      <BillingRunChip status={run.status} />
      <Instant at={run.finishedAt ?? run.startedAt} />
      <Typography variant="body2" component="span" color="textSecondary">
        {run.windowsBilled} billed, {run.windowsPending} pending ·{' '}
        {run.trigger === 'manual'
          ? `by ${run.actor ?? 'someone'}`
          : 'scheduled'}
      </Typography>
      {run.error && (
        <Typography variant="body2" color="error" component="span">
          {run.error}
        </Typography>
      )}
    </Box>
  );
}

function StatusTable(props: { status: BillingStatus }) {
  const { status } = props;
  const { source } = status;
  return (
    <Table size="small" aria-label="Billing status">
      <TableBody>
        <Row label="Billed up to" testId="billing-watermark">
          {status.watermark ? (
            <Instant at={status.watermark} />
          ) : (
            'nothing billed yet'
          )}
        </Row>
        <Row label="Lag" testId="billing-lag">
          {status.lagMinutes === null ? '—' : formatMinutes(status.lagMinutes)}
        </Row>
        <Row label="Pending windows" testId="billing-pending">
          {status.pendingWindows}
        </Row>
        <Row label="Windows" testId="billing-windows">
          {status.windowMinutes}-minute windows, billed{' '}
          {formatMinutes(status.settleDelayMinutes)} after they close
        </Row>
        <Row label="Usage source" testId="billing-source">
          <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={8}>
            <span>{source.id}</span>
            <Chip
              size="small"
              label={source.registered ? 'Registered' : 'Not registered'}
              color={source.registered ? 'default' : 'secondary'}
              variant="outlined"
            />
          </Box>
          {source.lastError && (
            <Typography variant="body2" color="error">
              {source.lastError}
            </Typography>
          )}
        </Row>
        <Row label="Last run" testId="billing-last-run">
          <LastRun run={status.lastRun} />
        </Row>
      </TableBody>
    </Table>
  );
}

function FailedWindows(props: { status: BillingStatus }) {
  const { failedWindows } = props.status;
  if (failedWindows.length === 0) return null;
  return (
    <Box mt={2} data-testid="billing-failed-windows">
      <Alert severity="error">
        {failedWindows.length} window{failedWindows.length === 1 ? '' : 's'}{' '}
        failed and will be retried:
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {failedWindows.map(window => (
            <li key={window.start}>
              {formatDateTime(window.start)}: {window.lastError} (
              {window.attempts} attempt{window.attempts === 1 ? '' : 's'})
            </li>
          ))}
        </ul>
      </Alert>
    </Box>
  );
}

function Outcome(props: { outcome?: RunOutcome }) {
  const { outcome } = props;
  if (!outcome) return null;
  if (outcome.kind === 'error') {
    return (
      <Alert severity="error" role="alert">
        {outcome.message}
      </Alert>
    );
  }
  const { run } = outcome;
  const windows = `${run.windowsBilled} window${
    run.windowsBilled === 1 ? '' : 's'
  } billed, ${run.windowsPending} pending`;
  return (
    <Alert
      severity={run.status === 'succeeded' ? 'success' : 'error'}
      role="status"
      data-testid="billing-run-outcome"
    >
      Billing run {run.id} {run.status}: {windows}.
      {run.error ? ` ${run.error}` : ''}
    </Alert>
  );
}

function BillingStatusContent() {
  const api = useApi(bisonApiRef);
  const [reloads, setReloads] = useState(0);
  const [outcome, setOutcome] = useState<RunOutcome>();
  const [showRuns, setShowRuns] = useState(false);
  const {
    value: status,
    loading,
    error,
  } = useAsync(() => api.getBillingStatus(), [api, reloads]);

  // Without the permission to read reports the card is left out.
  if (error && isForbidden(error)) return null;

  const action = (
    <RunBillingButton
      onStarted={() => setOutcome(undefined)}
      onDone={result => {
        setOutcome(result);
        setReloads(n => n + 1);
      }}
    />
  );
  let body;
  if (error) body = <ResponseErrorPanel error={error} />;
  else if (!status) body = loading ? <Progress /> : null;
  else {
    body = (
      <>
        <StatusTable status={status} />
        <FailedWindows status={status} />
        <Box mt={1}>
          <Button
            size="small"
            aria-expanded={showRuns}
            onClick={() => setShowRuns(shown => !shown)}
          >
            {showRuns ? 'Hide recent runs' : 'Show recent runs'}
          </Button>
          {showRuns && <RecentRuns refreshKey={reloads} />}
        </Box>
      </>
    );
  }
  return (
    <InfoCard title="Billing status" action={action}>
      <Outcome outcome={outcome} />
      {body}
    </InfoCard>
  );
}

/**
 * How far billing has come: the watermark (every window before it is
 * billed), the lag, pending and failed windows, the usage source and the
 * last run; for those allowed to operate billing, "Run billing now".
 * Renders nothing for users who may not read reports.
 */
export function BillingStatusCard() {
  const canRead = usePermission({ permission: reportsReadPermission });
  if (!canRead.allowed) return null;
  return <BillingStatusContent />;
}
