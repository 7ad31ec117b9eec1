import {
  InfoCard,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { AlertRule, bisonApiRef, BisonCurrency } from '../../api';
import { COMPACT_TABLE } from './compactTable';
import { RuleDialog } from './RuleDialog';
import { repeatText, RULE_TITLES, thresholdText } from './ruleText';

/** The rules in effect, with their thresholds, repeats, teams and channels. */
export function RulesCard(props: {
  currency: BisonCurrency;
  canManage: boolean;
  /** Changes when the channels change, to show their names. */
  channelsKey?: number;
}) {
  const { currency, canManage, channelsKey } = props;
  const api = useApi(bisonApiRef);
  const [reloads, setReloads] = useState(0);
  const [editing, setEditing] = useState<AlertRule>();
  const rules = useAsync(() => api.getAlertRules(), [api, reloads]);
  const channels = useAsync(() => api.listAlertChannels(), [api, channelsKey]);
  const globalChannels = (channels.value?.items ?? []).filter(
    c => c.team === null,
  );
  const channelName = (id: string) =>
    channels.value?.items.find(c => c.id === id)?.name ?? 'a global channel';

  const columns: TableColumn<AlertRule>[] = [
    {
      title: 'Rule',
      field: 'kind',
      render: r => RULE_TITLES[r.kind] ?? r.kind,
    },
    {
      title: 'Fires',
      field: 'thresholds',
      width: '25%',
      render: r => thresholdText(r, currency.symbol ?? currency.code),
    },
    { title: 'Repeats', field: 'repeatMinutes', render: r => repeatText(r) },
    {
      title: 'Teams',
      field: 'teams',
      render: r => (r.teams ? r.teams.join(', ') : 'All teams'),
    },
    {
      title: 'Sent to',
      field: 'channels',
      render: r => ['Notifications', ...r.channels.map(channelName)].join(', '),
    },
    {
      title: 'Status',
      field: 'enabled',
      render: r => (
        <Chip
          size="small"
          label={r.enabled ? 'On' : 'Off'}
          color={r.enabled ? 'primary' : 'default'}
        />
      ),
    },
    ...(canManage
      ? [
          {
            title: '',
            field: 'id',
            render: (r: AlertRule) => (
              <Button
                size="small"
                color="primary"
                onClick={() => setEditing(r)}
              >
                Edit
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <InfoCard
      title="Rules"
      subheader={
        rules.value?.source === 'saved'
          ? 'As saved in the app'
          : 'The defaults from bison.alerts.rules'
      }
    >
      {rules.error ? (
        <ResponseErrorPanel error={rules.error} />
      ) : (
        <Table<AlertRule>
          options={COMPACT_TABLE}
          isLoading={rules.loading}
          columns={columns}
          data={rules.value?.rules ?? []}
        />
      )}
      <RuleDialog
        rule={editing}
        rules={rules.value?.rules ?? []}
        channels={globalChannels}
        onClose={() => setEditing(undefined)}
        onSaved={() => setReloads(n => n + 1)}
      />
    </InfoCard>
  );
}
