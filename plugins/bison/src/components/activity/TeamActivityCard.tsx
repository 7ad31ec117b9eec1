import {
  InfoCard,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ActivityEntry, bisonApiRef } from '../../api';
import { activityRouteRef } from '../../routes';
import { COMPACT_TABLE, EmptyTable, NO_WRAP } from '../alerts/compactTable';
import { actorName } from '../shared/actorName';
import { isForbidden } from '../shared/errorMessage';
import { Instant } from '../shared/Instant';
import { filterToSearch } from './activityFilter';

/** Changes the card shows. */
export const RECENT_ACTIVITY = 10;

const columns: TableColumn<ActivityEntry>[] = [
  {
    title: 'When',
    field: 'occurredAt',
    cellStyle: NO_WRAP,
    render: entry => <Instant at={entry.occurredAt} relative />,
  },
  {
    title: 'Who',
    field: 'actor',
    cellStyle: NO_WRAP,
    render: entry => <span title={entry.actor}>{actorName(entry.actor)}</span>,
  },
  { title: 'What', field: 'summary' },
];

/**
 * The team's latest changes, for its page and its Group tab, linking to the
 * activity page filtered by the team.
 */
export function TeamActivityCard(props: { team: string }) {
  const { team } = props;
  const api = useApi(bisonApiRef);
  const activityLink = useRouteRef(activityRouteRef);
  const activity = useAsync(
    () => api.listActivity({ team, limit: RECENT_ACTIVITY }),
    [api, team],
  );
  // material-table annotates its rows; give it copies.
  const rows = useMemo(
    () => (activity.value?.items ?? []).map(entry => ({ ...entry })),
    [activity.value],
  );

  let body;
  if (activity.error && isForbidden(activity.error)) {
    body = (
      <Typography color="textSecondary">
        You do not have access to this team's activity.
      </Typography>
    );
  } else if (activity.error) {
    body = <ResponseErrorPanel error={activity.error} />;
  } else {
    body = (
      <div data-testid="team-activity">
        <Table<ActivityEntry>
          options={{ ...COMPACT_TABLE, sorting: false, draggable: false }}
          isLoading={activity.loading}
          columns={columns}
          data={rows}
          emptyContent={
            <EmptyTable text="No changes recorded for this team yet." />
          }
        />
      </div>
    );
  }

  return (
    <InfoCard
      title="Recent activity"
      subheader="The latest changes to this team"
      deepLink={{
        title: 'View all activity',
        link: `${activityLink()}?${filterToSearch({ team })}`,
      }}
    >
      {body}
    </InfoCard>
  );
}
