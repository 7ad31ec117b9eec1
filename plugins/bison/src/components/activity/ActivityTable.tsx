import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ActivityEntry } from '../../api';
import { teamRouteRef } from '../../routes';
import { NO_WRAP } from '../alerts/compactTable';
import { actorName } from '../shared/actorName';
import { ExpandableRow } from '../shared/ExpandableRow';
import { Instant } from '../shared/Instant';
import { actionLabel } from './activityActions';
import { ActivityChanges } from './ActivityChanges';
import { hasChangeDetails } from './changeJson';

const HEADINGS = ['Time', 'Actor', 'Action', 'Team', 'Summary'];

/**
 * Changes, one a row: when, who, what, to which team and a summary; a row
 * that kept what it replaced or made expands to show both.
 */
export function ActivityTable(props: { entries: ActivityEntry[] }) {
  const teamLink = useRouteRef(teamRouteRef);
  return (
    <Table size="small" aria-label="Activity">
      <TableHead>
        <TableRow>
          <TableCell padding="checkbox" />
          {HEADINGS.map(heading => (
            <TableCell key={heading}>{heading}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.entries.map(entry => (
          <ExpandableRow
            key={entry.id}
            label={`change ${entry.id}`}
            columns={HEADINGS.length + 1}
            testId={`activity-${entry.id}`}
            details={
              hasChangeDetails(entry) ? (
                <ActivityChanges entry={entry} />
              ) : undefined
            }
          >
            <TableCell style={NO_WRAP}>
              <Instant at={entry.occurredAt} />
            </TableCell>
            <TableCell style={NO_WRAP}>
              <span title={entry.actor}>{actorName(entry.actor)}</span>
            </TableCell>
            <TableCell>
              <span title={entry.action}>{actionLabel(entry.action)}</span>
            </TableCell>
            <TableCell style={NO_WRAP}>
              {entry.team ? (
                <Link to={teamLink({ team: entry.team })}>{entry.team}</Link>
              ) : (
                <Typography variant="body2" color="textSecondary">
                  Installation
                </Typography>
              )}
            </TableCell>
            <TableCell>
              <Typography variant="body2">{entry.summary}</Typography>
              {entry.subject && (
                <Typography variant="caption" color="textSecondary">
                  {entry.subject}
                </Typography>
              )}
            </TableCell>
          </ExpandableRow>
        ))}
      </TableBody>
    </Table>
  );
}
