import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/** A table without paging, search or toolbar, in dense rows. */
export const COMPACT_TABLE = {
  paging: false,
  search: false,
  toolbar: false,
  padding: 'dense',
} as const;

/** A cell kept on one line (dates, names). */
export const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** What an empty table says instead of its rows. */
export function EmptyTable(props: { text: string }) {
  return (
    <Box p={2}>
      <Typography variant="body2" color="textSecondary">
        {props.text}
      </Typography>
    </Box>
  );
}
