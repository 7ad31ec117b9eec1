import { Link } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { bisonApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { ActivityBody } from './ActivityBody';
import { ActivityFilters } from './ActivityFilters';
import {
  ActivityFilter,
  dateRangeError,
  filterFromSearch,
  filterToSearch,
  isFiltered,
  toActivityQuery,
} from './activityFilter';
import { useActivityPages } from './useActivityPages';

/**
 * Changes made in Bison (`/bison/activity`), newest first, filtered by team,
 * actor, action and dates; the filter is the page's query string, so that
 * `/bison/activity?team=ml-team` opens a team's changes. Everyone signed in
 * may open it: the backend lists every team's changes for those allowed to
 * read reports, else those of the user's teams.
 */
export function ActivityPage() {
  const api = useApi(bisonApiRef);
  const overviewLink = useRouteRef(rootRouteRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const filter = useMemo(
    () => filterFromSearch(new URLSearchParams(search)),
    [search],
  );
  const query = useMemo(() => toActivityQuery(filter), [filter]);
  const rangeError = dateRangeError(query);
  const pages = useActivityPages(rangeError ? undefined : query);
  const teams = useAsync(() => api.listTeams(), [api]);
  const teamNames = useMemo(
    () => (teams.value ?? []).map(team => team.name).sort(),
    [teams.value],
  );
  const changeFilter = useCallback(
    (next: ActivityFilter) =>
      setSearchParams(filterToSearch(next), { replace: true }),
    [setSearchParams],
  );

  return (
    <>
      <Box mb={3}>
        <Link to={overviewLink()}>All teams</Link>
        <Typography variant="h4" component="h1">
          Activity
        </Typography>
        <Typography variant="body2" color="textSecondary">
          Who changed what in Bison, newest first. Secrets are never kept.
        </Typography>
      </Box>
      <ActivityFilters
        value={filter}
        teams={teamNames}
        onChange={changeFilter}
        rangeError={rangeError}
      />
      <ActivityBody
        pages={pages}
        team={filter.team}
        filtered={isFiltered(filter)}
      />
    </>
  );
}
