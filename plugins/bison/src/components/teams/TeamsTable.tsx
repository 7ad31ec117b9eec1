import {
  EmptyState,
  Link,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { BisonCurrency, BisonTeam, TenancyStatus } from '../../api';
import { teamRouteRef } from '../../routes';
import { QuotaBars } from '../quota/QuotaBars';
import { Money } from '../shared/Money';
import { WalletStateChip } from '../wallet/WalletStateChip';
import { TenancyChip } from './TenancyChip';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** The Tenant's state: a chip for problems, quiet text otherwise. */
function TenancyCell(props: { tenancy?: TenancyStatus }) {
  const { tenancy } = props;
  if (tenancy?.status === 'missing' || tenancy?.status === 'drifted') {
    return <TenancyChip tenancy={tenancy} />;
  }
  let text = 'Not checked yet';
  if (!tenancy) text = 'Ledger only';
  else if (tenancy.status === 'ok') text = 'In sync';
  return (
    <Typography variant="body2" color="textSecondary">
      {text}
    </Typography>
  );
}

/**
 * The teams the user may read (GET /teams, read by the caller), with their
 * display name and group, wallet balance and state, quota use, project count and tenancy problems;
 * each name links to the team's page.
 */
export function TeamsTable(props: {
  currency: BisonCurrency;
  teams?: BisonTeam[];
  loading: boolean;
  error?: Error;
}) {
  const { currency, teams, loading, error } = props;
  const teamLink = useRouteRef(teamRouteRef);

  if (error) return <ResponseErrorPanel error={error} />;
  if (teams && teams.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No Bison teams"
        description="There is no team you may read. Ask a Bison administrator to create one for your group or to grant you access."
      />
    );
  }

  const columns: TableColumn<BisonTeam>[] = [
    {
      title: 'Team',
      field: 'name',
      render: team => (
        <>
          <Link to={teamLink({ team: team.name })} style={NO_WRAP}>
            {team.name}
          </Link>
          <Typography variant="body2" color="textSecondary">
            {team.displayName}
          </Typography>
        </>
      ),
    },
    {
      title: 'Group',
      field: 'groupRef',
      render: team => (
        <span title={team.groupRef} style={NO_WRAP}>
          {humanizeEntityRef(parseEntityRef(team.groupRef), {
            defaultKind: 'group',
          })}
        </span>
      ),
    },
    {
      title: 'Balance',
      field: 'wallet.balance',
      align: 'right',
      render: team =>
        team.wallet ? (
          <Money amount={team.wallet.balance} currency={currency} />
        ) : (
          '—'
        ),
    },
    {
      title: 'State',
      field: 'wallet.state',
      render: team =>
        team.wallet ? <WalletStateChip state={team.wallet.state} /> : '—',
    },
    {
      title: 'Quota',
      sorting: false,
      render: team =>
        team.quota ? <QuotaBars quota={team.quota} compact /> : '—',
    },
    {
      title: 'Projects',
      field: 'projectCount',
      type: 'numeric',
      render: team => team.projectCount ?? '—',
    },
    {
      title: 'Tenancy',
      field: 'tenancy.status',
      render: team => <TenancyCell tenancy={team.tenancy} />,
    },
  ];

  return (
    <Table<BisonTeam>
      title="Teams"
      columns={columns}
      data={(teams ?? []).map(team => ({ ...team }))}
      isLoading={loading}
      options={{
        paging: (teams?.length ?? 0) > 20,
        pageSize: 20,
        search: (teams?.length ?? 0) > 5,
        draggable: false,
        padding: 'dense',
      }}
    />
  );
}
