import IconButton from '@material-ui/core/IconButton';
import { makeStyles } from '@material-ui/core/styles';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import KeyboardArrowDownIcon from '@material-ui/icons/KeyboardArrowDown';
import KeyboardArrowUpIcon from '@material-ui/icons/KeyboardArrowUp';
import { ReactNode, useState } from 'react';

const useStyles = makeStyles({
  // The details row below carries the line between the two.
  open: { '& > *': { borderBottom: 'unset' } },
});

/**
 * A row of an MUI table whose first cell toggles a row of details below it
 * ("Details of <label>"); without details the first cell stays empty.
 */
export function ExpandableRow(props: {
  /** Names the row for the toggle: 'Details of change 12'. */
  label: string;
  /** What the row expands to. */
  details?: ReactNode;
  /** The table's number of columns, toggle included, for the details to span. */
  columns: number;
  testId?: string;
  /** The cells after the toggle. */
  children: ReactNode;
}) {
  const { label, details, columns, testId, children } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const expanded = open && details !== undefined;
  return (
    <>
      <TableRow
        data-testid={testId}
        className={expanded ? classes.open : undefined}
      >
        <TableCell padding="checkbox">
          {details !== undefined && (
            <IconButton
              size="small"
              aria-label={`Details of ${label}`}
              aria-expanded={open}
              onClick={() => setOpen(shown => !shown)}
            >
              {open ? <KeyboardArrowUpIcon /> : <KeyboardArrowDownIcon />}
            </IconButton>
          )}
        </TableCell>
        {children}
      </TableRow>
      {expanded && (
        <TableRow>
          <TableCell colSpan={columns}>{details}</TableCell>
        </TableRow>
      )}
    </>
  );
}
