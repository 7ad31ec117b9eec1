import { Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { makeStyles, Theme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import Alert from '@material-ui/lab/Alert';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  BisonCurrency,
  bisonApiRef,
  Transaction,
  TransactionFilter,
} from '../../../api';
import { downloadBlob } from '../../shared/downloadBlob';
import { errorMessage } from '../../shared/errorMessage';
import { isNegativeAmount } from '../../shared/money';
import { Money } from '../../shared/Money';
import { formatDateTime, utcStartOfDay } from '../../shared/time';
import { KIND_LABELS } from './kindLabels';
import {
  EMPTY_FILTER,
  TransactionFilterValues,
  TransactionFilters,
} from './TransactionFilters';
import { useCursorPaging } from './useCursorPaging';

/** Entries per page. */
export const TRANSACTIONS_PAGE_SIZE = 20;

/** @public */
export interface TransactionsTableProps {
  /** The team's tenant name. */
  team: string;
  currency: BisonCurrency;
  /** Change to reload the page shown. */
  refreshKey?: number;
}

const useStyles = makeStyles((theme: Theme) => ({
  negative: { color: theme.palette.error.main },
}));

/** The filter the backend gets: dates as UTC instants, "to" inclusive. */
function toApiFilter(values: TransactionFilterValues): TransactionFilter {
  return {
    kind: values.kind || undefined,
    from: utcStartOfDay(values.fromDate),
    to: utcStartOfDay(values.toDate, { dayAfter: true }),
  };
}

/**
 * The wallet's ledger, newest first: filter by kind and dates, page with the
 * backend's cursors, download the filtered entries as CSV.
 *
 * @public
 */
export function TransactionsTable(props: TransactionsTableProps) {
  const { team, currency, refreshKey = 0 } = props;
  const api = useApi(bisonApiRef);
  const classes = useStyles();
  const [values, setValues] = useState(EMPTY_FILTER);
  const paging = useCursorPaging();
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string>();

  const filter = useMemo(() => toApiFilter(values), [values]);
  const rangeError =
    filter.from && filter.to && filter.from >= filter.to
      ? "'To' must not be before 'From'"
      : undefined;

  const {
    value: page,
    loading,
    error,
  } = useAsync(async () => {
    if (rangeError) return { items: [] };
    return api.listTransactions(team, {
      ...filter,
      limit: TRANSACTIONS_PAGE_SIZE,
      cursor: paging.cursor,
    });
  }, [api, team, filter, rangeError, paging.cursor, refreshKey]);

  const changeFilter = (next: TransactionFilterValues) => {
    setValues(next);
    paging.reset();
  };

  const download = async () => {
    setDownloading(true);
    setDownloadError(undefined);
    try {
      const blob = await api.downloadTransactionsCsv(team, filter);
      downloadBlob(blob, `${team}-transactions.csv`);
    } catch (e) {
      setDownloadError(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };

  const columns: TableColumn<Transaction>[] = [
    {
      title: 'Time',
      field: 'createdAt',
      render: t => (
        <time dateTime={t.createdAt} title={t.createdAt}>
          {formatDateTime(t.createdAt)}
        </time>
      ),
    },
    {
      title: 'Kind',
      field: 'kind',
      render: t => KIND_LABELS[t.kind] ?? t.kind,
    },
    {
      title: 'Amount',
      field: 'amount',
      align: 'right',
      render: t => (
        <span
          className={isNegativeAmount(t.amount) ? classes.negative : undefined}
          data-negative={isNegativeAmount(t.amount) || undefined}
        >
          <Money amount={t.amount} currency={currency} />
        </span>
      ),
    },
    {
      title: 'Balance after',
      field: 'balanceAfter',
      align: 'right',
      render: t => <Money amount={t.balanceAfter} currency={currency} />,
    },
    { title: 'Actor', field: 'actor' },
    { title: 'Reason', field: 'reason', render: t => t.reason ?? '' },
  ];

  // material-table annotates its rows; give it copies.
  const rows = useMemo(
    () => (page?.items ?? []).map(item => ({ ...item })),
    [page],
  );

  return (
    <>
      <Box
        display="flex"
        justifyContent="space-between"
        alignItems="flex-start"
        flexWrap="wrap"
        mb={2}
      >
        <TransactionFilters
          value={values}
          onChange={changeFilter}
          rangeError={rangeError}
        />
        <Button
          variant="outlined"
          startIcon={<GetAppIcon />}
          onClick={download}
          disabled={downloading || !!rangeError}
        >
          Download CSV
        </Button>
      </Box>
      {downloadError && (
        <Box mb={2}>
          <Alert severity="error">{downloadError}</Alert>
        </Box>
      )}
      {error && (
        <Box mb={2}>
          <Alert severity="error">{errorMessage(error)}</Alert>
        </Box>
      )}
      <Table<Transaction>
        title="Transactions"
        columns={columns}
        data={rows}
        isLoading={loading}
        options={{
          paging: false,
          search: false,
          sorting: false,
          draggable: false,
          padding: 'dense',
        }}
        emptyContent={
          <Box p={2}>
            <Typography color="textSecondary">No transactions</Typography>
          </Box>
        }
      />
      <Box display="flex" justifyContent="flex-end" alignItems="center" mt={1}>
        <Typography variant="body2" color="textSecondary">
          Page {paging.page}
        </Typography>
        <Box ml={2}>
          <Button
            onClick={paging.previous}
            disabled={!paging.hasPrevious || loading}
          >
            Previous
          </Button>
          <Button
            onClick={() => page?.nextCursor && paging.next(page.nextCursor)}
            disabled={!page?.nextCursor || loading}
          >
            Next
          </Button>
        </Box>
      </Box>
    </>
  );
}
