import {
  InfoCard,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { AlertChannel, AlertChannelTestResult, bisonApiRef } from '../../api';
import { errorMessage } from '../shared/errorMessage';
import { TypeToConfirmDialog } from '../shared/TypeToConfirmDialog';
import { ChannelDialog } from './ChannelDialog';
import { COMPACT_TABLE, EmptyTable } from './compactTable';

interface TestOutcome {
  channel: string;
  result?: AlertChannelTestResult;
  error?: string;
}

function TestOutcomeAlert(props: { outcome?: TestOutcome }) {
  const { outcome } = props;
  if (!outcome) return null;
  const { channel, result, error } = outcome;
  if (result?.delivered) {
    return (
      <Alert severity="success">
        Test message delivered to {channel}
        {result.responseCode ? ` (answer ${result.responseCode})` : ''}.
      </Alert>
    );
  }
  return (
    <Alert severity="error">
      Test message to {channel} failed: {result?.error ?? error}
    </Alert>
  );
}

/**
 * Where alerts go besides Backstage notifications: the global channels for
 * admins, or one team's channels (`team`), each with a test button.
 */
export function ChannelsCard(props: {
  team?: string;
  title?: string;
  /** Called after a channel was added, changed or deleted. */
  onChanged?: () => void;
}) {
  const { team, onChanged } = props;
  const api = useApi(bisonApiRef);
  const [reloads, setReloads] = useState(0);
  const [editing, setEditing] = useState<AlertChannel | 'new'>();
  const [deleting, setDeleting] = useState<AlertChannel>();
  const [testing, setTesting] = useState<string>();
  const [outcome, setOutcome] = useState<TestOutcome>();
  const list = useAsync(
    () => api.listAlertChannels(team ? { team } : {}),
    [api, team, reloads],
  );
  const reload = () => {
    setReloads(n => n + 1);
    onChanged?.();
  };
  const shown = (list.value?.items ?? []).filter(c =>
    team ? c.team === team : c.team === null,
  );
  const typeTitle = (type: string) =>
    list.value?.types.find(t => t.type === type)?.title ?? type;

  async function test(channel: AlertChannel) {
    setTesting(channel.id);
    setOutcome(undefined);
    try {
      const result = await api.testAlertChannel(channel.id);
      setOutcome({ channel: channel.name, result });
    } catch (error) {
      setOutcome({ channel: channel.name, error: errorMessage(error) });
    } finally {
      setTesting(undefined);
    }
  }

  const columns: TableColumn<AlertChannel>[] = [
    { title: 'Name', field: 'name' },
    { title: 'Type', field: 'type', render: c => typeTitle(c.type) },
    {
      title: 'Status',
      field: 'enabled',
      render: c => (
        <Chip
          size="small"
          label={c.enabled ? 'Enabled' : 'Disabled'}
          color={c.enabled ? 'primary' : 'default'}
        />
      ),
    },
    {
      title: 'Secrets',
      field: 'hasSecret',
      render: c => (c.hasSecret ? 'Stored, encrypted' : 'None'),
    },
    {
      title: 'Actions',
      field: 'id',
      render: c => (
        <Box display="flex" gridGap={8} style={{ whiteSpace: 'nowrap' }}>
          <Button
            size="small"
            variant="outlined"
            color="primary"
            disabled={testing === c.id}
            onClick={() => test(c)}
          >
            {testing === c.id ? 'Sending…' : 'Send test'}
          </Button>
          <Button size="small" onClick={() => setEditing(c)}>
            Edit
          </Button>
          <Button size="small" onClick={() => setDeleting(c)}>
            Delete
          </Button>
        </Box>
      ),
    },
  ];

  let body;
  if (list.error) {
    body = <ResponseErrorPanel error={list.error} />;
  } else {
    body = (
      <>
        <TestOutcomeAlert outcome={outcome} />
        <Table<AlertChannel>
          options={COMPACT_TABLE}
          isLoading={list.loading}
          columns={columns}
          data={shown}
          emptyContent={
            <EmptyTable text="No channels yet: alerts go to Backstage notifications only." />
          }
        />
      </>
    );
  }

  return (
    <InfoCard
      title={props.title ?? 'Channels'}
      subheader="Backstage notifications are always on; channels add webhooks, chat and e-mail."
      action={
        <Box mt={1} mr={1}>
          <Button
            variant="contained"
            color="primary"
            disabled={!list.value}
            onClick={() => setEditing('new')}
          >
            Add channel
          </Button>
        </Box>
      }
    >
      {body}
      <ChannelDialog
        open={editing !== undefined}
        channel={editing === 'new' ? undefined : editing}
        types={list.value?.types ?? []}
        team={team}
        onClose={() => setEditing(undefined)}
        onSaved={reload}
      />
      <TypeToConfirmDialog
        open={!!deleting}
        id="bison-delete-alert-channel"
        title={`Delete channel ${deleting?.name ?? ''}`}
        name={deleting?.name ?? ''}
        nameLabel="Channel name"
        description="Alerts stop going to this channel; its delivery history stays."
        confirmLabel="Delete"
        onClose={() => setDeleting(undefined)}
        onConfirm={async () => {
          if (deleting) await api.deleteAlertChannel(deleting.id);
          reload();
        }}
      />
    </InfoCard>
  );
}
