import { Link, Table, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { useMemo } from 'react';
import { BisonCurrency, TeamReportRow } from '../../api';
import { teamRouteRef } from '../../routes';
import { COMPACT_TABLE, EmptyTable, NO_WRAP } from '../alerts/compactTable';
import { Money } from '../shared/Money';
import { WalletStateChip } from '../wallet/WalletStateChip';
import { CostChange } from './CostChange';
import { ShareBar } from './ShareBar';

type RankedRow = TeamReportRow & { rank: number };

/**
 * The teams ranked by cost over the period: their share of the charged
 * total, the change against the previous period, and their balance and
 * wallet state now.
 */
export function TeamRankingTable(props: {
  teams: TeamReportRow[];
  currency: BisonCurrency;
}) {
  const { teams, currency } = props;
  const teamLink = useRouteRef(teamRouteRef);
  // material-table annotates its rows; give it copies.
  const rows = useMemo(
    () => teams.map((team, index) => ({ ...team, rank: index + 1 })),
    [teams],
  );

  const columns: TableColumn<RankedRow>[] = [
    { title: '#', field: 'rank', width: '48px' },
    {
      title: 'Team',
      field: 'team',
      render: row => (
        <>
          <Link to={teamLink({ team: row.team })}>{row.team}</Link>
          {row.displayName !== row.team && (
            <Typography variant="body2" color="textSecondary">
              {row.displayName}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Cost',
      field: 'cost',
      align: 'right',
      cellStyle: NO_WRAP,
      render: row => <Money amount={row.cost} currency={currency} />,
    },
    {
      title: 'Share',
      field: 'sharePercent',
      width: '20%',
      render: row => <ShareBar percent={row.sharePercent} label={row.team} />,
    },
    {
      title: 'Change vs previous period',
      field: 'change',
      cellStyle: NO_WRAP,
      render: row => (
        <CostChange
          change={row.change}
          changePercent={row.changePercent}
          previousCost={row.previousCost}
          currency={currency}
        />
      ),
    },
    {
      title: 'Balance',
      field: 'balance',
      align: 'right',
      cellStyle: NO_WRAP,
      render: row =>
        row.balance === null ? (
          '—'
        ) : (
          <Money amount={row.balance} currency={currency} />
        ),
    },
    {
      title: 'State',
      field: 'state',
      render: row =>
        row.state === null ? (
          '—'
        ) : (
          <WalletStateChip state={row.state} currency={currency} />
        ),
    },
  ];

  return (
    <div data-testid="team-ranking">
      <Table<RankedRow>
        options={{ ...COMPACT_TABLE, sorting: false, draggable: false }}
        columns={columns}
        data={rows}
        emptyContent={<EmptyTable text="No team had usage in this period." />}
      />
    </div>
  );
}
