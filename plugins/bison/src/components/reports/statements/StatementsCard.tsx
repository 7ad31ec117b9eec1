import {
  InfoCard,
  Link,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { bisonApiRef, StatementMonth } from '../../../api';
import { statementRouteRef } from '../../../routes';
import { COMPACT_TABLE, EmptyTable, NO_WRAP } from '../../alerts/compactTable';
import { isForbidden } from '../../shared/errorMessage';
import { useBlobDownload } from '../useBlobDownload';
import { PreliminaryChip } from './PreliminaryChip';
import { StatementDownloadButtons } from './StatementDownloadButtons';
import { monthLabel } from './statementText';

/** Months listed before "Show all". */
export const RECENT_MONTHS = 12;

/**
 * The team's monthly statements, newest first: a link to each, the month in
 * progress marked preliminary, and each as CSV or PDF.
 */
export function StatementsCard(props: { team: string }) {
  const { team } = props;
  const api = useApi(bisonApiRef);
  const statementLink = useRouteRef(statementRouteRef);
  const downloads = useBlobDownload();
  const [showAll, setShowAll] = useState(false);
  const statements = useAsync(() => api.listTeamStatements(team), [api, team]);

  // Newest first whatever the order sent; material-table annotates its rows.
  const months = useMemo(
    () =>
      (statements.value?.items ?? [])
        .map(item => ({ ...item }))
        .sort((a, b) => b.month.localeCompare(a.month)),
    [statements.value],
  );
  const shown = showAll ? months : months.slice(0, RECENT_MONTHS);

  const columns: TableColumn<StatementMonth>[] = [
    {
      title: 'Month',
      field: 'month',
      cellStyle: NO_WRAP,
      render: row => (
        <Link to={statementLink({ team, month: row.month })}>
          {monthLabel(row.month)}
        </Link>
      ),
    },
    {
      title: 'Status',
      field: 'preliminary',
      render: row =>
        row.preliminary ? (
          <PreliminaryChip />
        ) : (
          <Typography variant="body2" color="textSecondary">
            Closed
          </Typography>
        ),
    },
    {
      title: 'Download',
      align: 'right',
      render: row => (
        <Box display="flex" justifyContent="flex-end">
          <StatementDownloadButtons
            team={team}
            month={row.month}
            downloads={downloads}
            compact
          />
        </Box>
      ),
    },
  ];

  let body;
  if (statements.error && isForbidden(statements.error)) {
    body = (
      <Typography color="textSecondary">
        You do not have access to this team's statements.
      </Typography>
    );
  } else if (statements.error) {
    body = <ResponseErrorPanel error={statements.error} />;
  } else {
    body = (
      <>
        {downloads.error && (
          <Box mb={2}>
            <Alert severity="error">{downloads.error}</Alert>
          </Box>
        )}
        <div data-testid="statement-months">
          <Table<StatementMonth>
            options={{ ...COMPACT_TABLE, sorting: false, draggable: false }}
            isLoading={statements.loading}
            columns={columns}
            data={shown}
            emptyContent={
              <EmptyTable text="No statement yet: statements start with the month of the team's first ledger entry." />
            }
          />
        </div>
        {months.length > RECENT_MONTHS && (
          <Box mt={1}>
            <Button size="small" onClick={() => setShowAll(all => !all)}>
              {showAll
                ? `Show the last ${RECENT_MONTHS} months`
                : `Show all ${months.length} months`}
            </Button>
          </Box>
        )}
      </>
    );
  }

  return (
    <InfoCard
      title="Statements"
      subheader={
        statements.value
          ? `Monthly account statements; months start in ${statements.value.timeZone}`
          : 'Monthly account statements'
      }
    >
      {body}
    </InfoCard>
  );
}
