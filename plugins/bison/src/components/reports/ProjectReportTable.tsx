import { Link, Table, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Chip from '@material-ui/core/Chip';
import { alpha, useTheme } from '@material-ui/core/styles';
import { useMemo } from 'react';
import { BisonCurrency, ProjectReportRow } from '../../api';
import { teamRouteRef } from '../../routes';
import { COMPACT_TABLE, EmptyTable, NO_WRAP } from '../alerts/compactTable';
import { Money } from '../shared/Money';
import { ShareBar } from './ShareBar';

/**
 * Every namespace's cost over the period, ranked, with its team; the
 * namespaces of no team (unallocated spend) are highlighted.
 */
export function ProjectReportTable(props: {
  projects: ProjectReportRow[];
  currency: BisonCurrency;
}) {
  const { projects, currency } = props;
  const theme = useTheme();
  const teamLink = useRouteRef(teamRouteRef);
  // material-table annotates its rows; give it copies.
  const rows = useMemo(() => projects.map(row => ({ ...row })), [projects]);
  const unallocatedStyle = {
    backgroundColor: alpha(theme.palette.warning.main, 0.12),
  };

  const columns: TableColumn<ProjectReportRow>[] = [
    {
      title: 'Namespace',
      field: 'project',
      render: row => <code>{row.project}</code>,
    },
    {
      title: 'Team',
      field: 'team',
      render: row =>
        row.team === null ? (
          <Chip
            size="small"
            label="Unallocated"
            data-testid="unallocated"
            style={{
              backgroundColor: theme.palette.warning.main,
              color: theme.palette.getContrastText(theme.palette.warning.main),
            }}
          />
        ) : (
          <Link to={teamLink({ team: row.team })}>{row.team}</Link>
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
      width: '25%',
      render: row => (
        <ShareBar percent={row.sharePercent} label={row.project} />
      ),
    },
  ];

  return (
    <div data-testid="project-report">
      <Table<ProjectReportRow>
        options={{
          ...COMPACT_TABLE,
          sorting: false,
          draggable: false,
          rowStyle: (row: ProjectReportRow) =>
            row.team === null ? unallocatedStyle : {},
        }}
        columns={columns}
        data={rows}
        emptyContent={
          <EmptyTable text="No namespace had usage in this period." />
        }
      />
    </div>
  );
}
