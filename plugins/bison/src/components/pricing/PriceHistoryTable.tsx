import { Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { PriceBook, PriceBooks } from '../../api';
import { formatDateTime } from '../shared/time';
import { describeEffectiveFrom, isScheduled } from './scheduling';

/**
 * Every version of the price book, newest first: when it took (or takes)
 * effect, who created it, its note and how many resources it prices. The
 * version in effect and scheduled versions are marked.
 */
export function PriceHistoryTable(props: { books: PriceBooks }) {
  const { books } = props;
  const now = new Date();
  const columns: TableColumn<PriceBook>[] = [
    { title: 'Version', field: 'version', type: 'numeric', align: 'left' },
    {
      title: 'Effective from',
      field: 'effectiveFrom',
      render: book => (
        <Box display="flex" alignItems="center" gridGap={8}>
          <span>{describeEffectiveFrom(book.effectiveFrom)}</span>
          {book.version === books.current.version && (
            <Chip size="small" color="primary" label="Current" />
          )}
          {isScheduled(book, now) && (
            <Chip size="small" variant="outlined" label="Scheduled" />
          )}
        </Box>
      ),
    },
    { title: 'Created by', field: 'createdBy' },
    {
      title: 'Created at',
      field: 'createdAt',
      render: book => formatDateTime(book.createdAt),
    },
    { title: 'Note', field: 'note', render: book => book.note ?? '—' },
    {
      title: 'Prices',
      field: 'prices',
      type: 'numeric',
      sorting: false,
      render: book => book.prices.length,
    },
  ];
  return (
    <Table<PriceBook>
      title="Price history"
      columns={columns}
      data={books.history.map(book => ({ ...book }))}
      options={{
        paging: books.history.length > 20,
        pageSize: 20,
        search: false,
        draggable: false,
        padding: 'dense',
      }}
    />
  );
}
