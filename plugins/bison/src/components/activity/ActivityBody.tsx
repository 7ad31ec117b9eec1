import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { errorMessage, isForbidden, isNotFound } from '../shared/errorMessage';
import { ActivityTable } from './ActivityTable';
import { useActivityPages } from './useActivityPages';

/** Why the changes of the team filtered by cannot be shown. */
function TeamRefused(props: { team: string; error: Error }) {
  const { team, error } = props;
  if (isForbidden(error)) {
    return (
      <EmptyState
        missing="info"
        title={`You do not have access to the activity of ${team}`}
        description="Members see the changes of their own teams; the bison.reports.read permission shows every team's. Clear the team filter to see the changes you may read."
      />
    );
  }
  if (isNotFound(error)) {
    return (
      <EmptyState
        missing="info"
        title={`There is no team named '${team}'`}
        description="Pick another team, or clear the team filter."
      />
    );
  }
  return <ResponseErrorPanel error={error} />;
}

/**
 * The changes read so far, "Load older" below them; or why there are none.
 */
export function ActivityBody(props: {
  pages: ReturnType<typeof useActivityPages>;
  /** The team filtered by, to explain a refusal. */
  team: string;
  filtered: boolean;
}) {
  const { pages, team, filtered } = props;
  if (pages.error) {
    return team ? (
      <TeamRefused team={team} error={pages.error} />
    ) : (
      <ResponseErrorPanel error={pages.error} />
    );
  }
  if (pages.items.length === 0) {
    if (pages.loading) return <Progress />;
    return filtered ? (
      <EmptyState
        missing="data"
        title="No changes match these filters"
        description="Widen the dates, or clear a filter."
      />
    ) : (
      <EmptyState
        missing="data"
        title="No changes recorded yet"
        description="Changes to teams, wallets, quotas, projects, prices, nodes and alerts show here as they are made."
      />
    );
  }
  return (
    <>
      <ActivityTable entries={pages.items} />
      {pages.olderError && (
        <Box mt={2}>
          <Alert severity="error">{errorMessage(pages.olderError)}</Alert>
        </Box>
      )}
      {pages.nextCursor && (
        <Box mt={2} display="flex" justifyContent="center">
          <Button
            variant="outlined"
            onClick={pages.loadOlder}
            disabled={pages.loading}
          >
            Load older
          </Button>
        </Box>
      )}
    </>
  );
}
