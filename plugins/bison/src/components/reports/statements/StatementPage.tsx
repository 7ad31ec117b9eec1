import { Link, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import { bisonApiRef, Statement } from '../../../api';
import { teamRouteRef } from '../../../routes';
import { TeamUnavailable } from '../../teams/TeamUnavailable';
import { useBlobDownload } from '../useBlobDownload';
import { LedgerHashCard } from './LedgerHashCard';
import { PreliminaryChip } from './PreliminaryChip';
import { StatementAccountCard } from './StatementAccountCard';
import { StatementDownloadButtons } from './StatementDownloadButtons';
import { StatementEntriesCard } from './StatementEntriesCard';
import { StatementSummary } from './StatementSummary';
import { StatementUsageCard } from './StatementUsageCard';
import { monthLabel } from './statementText';

function StatementBody(props: { statement: Statement }) {
  const { statement } = props;
  return (
    <Grid container spacing={3}>
      {statement.preliminary && (
        <Grid item xs={12}>
          <Alert severity="info">
            This month is still running: the statement is preliminary and more
            entries may follow.
          </Alert>
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <StatementAccountCard statement={statement} />
      </Grid>
      <Grid item xs={12} md={6}>
        <StatementSummary statement={statement} />
      </Grid>
      <Grid item xs={12}>
        <StatementUsageCard statement={statement} />
      </Grid>
      <Grid item xs={12}>
        <StatementEntriesCard statement={statement} />
      </Grid>
      <Grid item xs={12}>
        <LedgerHashCard statement={statement} />
      </Grid>
    </Grid>
  );
}

/**
 * A team's statement of one month (`/bison/teams/:team/statements/:month`),
 * read like a bank account statement: who and what period, the opening
 * balance, the month's credits and usage, the closing balance, usage by
 * project and resource, every other entry, the ledger hash, and the same
 * as CSV or PDF.
 */
export function StatementPage(props: { team: string; month: string }) {
  const { team, month } = props;
  const api = useApi(bisonApiRef);
  const teamLink = useRouteRef(teamRouteRef);
  const downloads = useBlobDownload();
  const {
    value: statement,
    loading,
    error,
  } = useAsync(() => api.getTeamStatement(team, month), [api, team, month]);

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = (
      <TeamUnavailable
        name={team}
        error={error}
        notFound={{
          title: 'No such statement',
          description: `Team '${team}' has no statement for ${month}. Statements run from the month of the team's first ledger entry to the current month.`,
        }}
      />
    );
  } else if (statement) {
    body = <StatementBody statement={statement} />;
  }

  return (
    <>
      <Box
        mb={3}
        display="flex"
        justifyContent="space-between"
        alignItems="flex-end"
        flexWrap="wrap"
        gridGap={16}
      >
        <Box>
          <Link to={teamLink({ team })}>
            Back to {statement?.displayName ?? team}
          </Link>
          <Box display="flex" alignItems="center" gridGap={12}>
            <Typography variant="h4" component="h1">
              Statement for {monthLabel(month)}
            </Typography>
            {statement?.preliminary && <PreliminaryChip />}
          </Box>
          {statement && (
            <Typography variant="body2" color="textSecondary">
              {statement.displayName} · Team {statement.team} ·{' '}
              {statement.groupRef}
            </Typography>
          )}
        </Box>
        {statement && (
          <StatementDownloadButtons
            team={team}
            month={month}
            downloads={downloads}
          />
        )}
      </Box>
      {downloads.error && (
        <Box mb={2}>
          <Alert severity="error">{downloads.error}</Alert>
        </Box>
      )}
      {body}
    </>
  );
}
