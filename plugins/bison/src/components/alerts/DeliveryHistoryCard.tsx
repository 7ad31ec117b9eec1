import {
  InfoCard,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useEffect, useState } from 'react';
import { AlertDelivery, AlertDeliveryStatus, bisonApiRef } from '../../api';
import { errorMessage } from '../shared/errorMessage';
import { Instant } from '../shared/Instant';
import { plural } from '../shared/plural';
import { COMPACT_TABLE, EmptyTable, NO_WRAP } from './compactTable';
import { DeliveryStatusChip } from './DeliveryStatusChip';

const PAGE = 25;

/**
 * Every delivery of every alert message, newest first, with its attempts,
 * the receiver's answer and the last error; a failed one can be retried.
 */
export function DeliveryHistoryCard(props: { team?: string }) {
  const { team } = props;
  const api = useApi(bisonApiRef);
  const [status, setStatus] = useState<AlertDeliveryStatus | ''>('');
  const [items, setItems] = useState<AlertDelivery[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error>();
  const [retryError, setRetryError] = useState<string>();
  const [reloads, setReloads] = useState(0);

  async function load(after?: string) {
    setLoading(true);
    try {
      const page = await api.listAlertDeliveries({
        ...(team ? { team } : {}),
        ...(status ? { status } : {}),
        ...(after ? { cursor: after } : {}),
        limit: PAGE,
      });
      setItems(current => (after ? [...current, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError(undefined);
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, team, status, reloads]);

  async function retry(delivery: AlertDelivery) {
    setRetryError(undefined);
    try {
      await api.retryAlertDelivery(delivery.id);
      setReloads(n => n + 1);
    } catch (e) {
      setRetryError(errorMessage(e));
    }
  }

  const columns: TableColumn<AlertDelivery>[] = [
    {
      title: 'When',
      field: 'createdAt',
      cellStyle: NO_WRAP,
      render: d => <Instant at={d.createdAt} />,
    },
    {
      title: 'Alert',
      field: 'message.title',
      cellStyle: { minWidth: 280 },
      render: d => (
        <>
          <Typography variant="body2">{d.message.title}</Typography>
          <Typography variant="caption" color="textSecondary">
            {[
              ...(team ? [] : [d.message.team ?? 'installation']),
              d.message.status,
              d.message.severity,
              d.message.rule,
            ].join(' · ')}
          </Typography>
        </>
      ),
    },
    { title: 'Channel', field: 'channel.name', cellStyle: NO_WRAP },
    {
      title: 'Delivery',
      field: 'status',
      cellStyle: { minWidth: 220 },
      render: d => (
        <Box display="flex" flexDirection="column" alignItems="flex-start">
          <DeliveryStatusChip status={d.status} />
          <Typography variant="caption" color="textSecondary">
            {plural(d.attempts, 'attempt')}
            {d.responseCode ? ` · answer ${d.responseCode}` : ''}
          </Typography>
          {d.lastError && (
            <Typography
              variant="caption"
              color="error"
              style={{ wordBreak: 'break-word' }}
            >
              {d.lastError}
            </Typography>
          )}
          {d.status === 'failed' && (
            <Button size="small" color="primary" onClick={() => retry(d)}>
              Retry
            </Button>
          )}
        </Box>
      ),
    },
  ];

  return (
    <InfoCard
      title="Delivery history"
      action={
        <Box mt={1} mr={1} minWidth={160}>
          <TextField
            id={`bison-alert-history-status${team ? `-${team}` : ''}`}
            select
            label="Status"
            value={status}
            onChange={e =>
              setStatus(e.target.value as AlertDeliveryStatus | '')
            }
            fullWidth
            size="small"
          >
            <MenuItem value="">All</MenuItem>
            <MenuItem value="failed">Failed</MenuItem>
            <MenuItem value="pending">Pending</MenuItem>
            <MenuItem value="delivered">Delivered</MenuItem>
          </TextField>
        </Box>
      }
    >
      {retryError && <Alert severity="error">{retryError}</Alert>}
      {error ? (
        <ResponseErrorPanel error={error} />
      ) : (
        <>
          <Table<AlertDelivery>
            options={COMPACT_TABLE}
            isLoading={loading}
            columns={columns}
            data={items}
            emptyContent={
              <EmptyTable
                text={`No alerts were sent${
                  status ? ` with status ${status}` : ''
                }.`}
              />
            }
          />
          {cursor && (
            <Box mt={1} display="flex" justifyContent="center">
              <Button onClick={() => load(cursor)} disabled={loading}>
                Show older
              </Button>
            </Box>
          )}
        </>
      )}
    </InfoCard>
  );
}
