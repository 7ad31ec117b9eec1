import {
  InfoCard,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { teamUpdatePermission } from '@bison/plugin-bison-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { AlertDelivery, bisonApiRef, FiringAlert } from '../../api';
import { alertsRouteRef } from '../../routes';
import { Instant } from '../shared/Instant';
import { ChannelsCard } from './ChannelsCard';
import { COMPACT_TABLE, EmptyTable, NO_WRAP } from './compactTable';
import { DeliveryStatusChip } from './DeliveryStatusChip';
import { RULE_TITLES } from './ruleText';

const SEVERITY_COLOR = {
  critical: 'secondary',
  warning: 'primary',
  info: 'default',
} as const;

function FiringList(props: { firing: FiringAlert[] }) {
  if (props.firing.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        Nothing is firing.
      </Typography>
    );
  }
  return (
    <Box display="flex" flexDirection="column" gridGap={8}>
      {props.firing.map(alert => (
        <Box
          key={`${alert.rule}/${alert.subject}`}
          data-testid={`firing-${alert.rule}`}
          display="flex"
          alignItems="center"
          gridGap={8}
          flexWrap="wrap"
        >
          <Chip
            size="small"
            label={alert.severity}
            color={SEVERITY_COLOR[alert.severity]}
          />
          <Typography variant="body2">
            {(alert.kind && RULE_TITLES[alert.kind]) ?? alert.rule}
            {alert.subject.startsWith('project:')
              ? ` (${alert.subject.slice('project:'.length)})`
              : ''}
          </Typography>
          {alert.since && (
            <Typography variant="caption" color="textSecondary">
              since <Instant at={alert.since} />
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
}

/**
 * A team's alerts, for its page and its Group tab: what is firing now, the
 * latest messages and where they went, and the team's own channels for
 * those who may update the team.
 */
export function TeamAlertsCard(props: { team: string }) {
  const { team } = props;
  const api = useApi(bisonApiRef);
  const alertsLink = useRouteRef(alertsRouteRef);
  const canUpdate = usePermission({
    permission: teamUpdatePermission,
    resourceRef: team,
  }).allowed;
  const alerts = useAsync(() => api.getTeamAlerts(team), [api, team]);

  const columns: TableColumn<AlertDelivery>[] = [
    {
      title: 'When',
      field: 'createdAt',
      cellStyle: NO_WRAP,
      render: d => <Instant at={d.createdAt} />,
    },
    { title: 'Alert', field: 'message.title' },
    { title: 'Channel', field: 'channel.name' },
    {
      title: 'Status',
      field: 'status',
      render: d => <DeliveryStatusChip status={d.status} />,
    },
  ];

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title="Alerts"
          deepLink={{ title: 'All alerts', link: alertsLink() }}
        >
          {alerts.error ? (
            <ResponseErrorPanel error={alerts.error} />
          ) : (
            <>
              <FiringList firing={alerts.value?.firing ?? []} />
              <Box mt={2}>
                <Table<AlertDelivery>
                  options={COMPACT_TABLE}
                  isLoading={alerts.loading}
                  columns={columns}
                  data={(alerts.value?.history.items ?? []).slice(0, 10)}
                  emptyContent={
                    <EmptyTable text="No alert was sent to this team yet." />
                  }
                />
              </Box>
            </>
          )}
        </InfoCard>
      </Grid>
      {canUpdate && (
        <Grid item xs={12}>
          <ChannelsCard team={team} title="Team channels" />
        </Grid>
      )}
    </Grid>
  );
}
