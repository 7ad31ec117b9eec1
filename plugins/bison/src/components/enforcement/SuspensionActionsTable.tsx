import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { SuspensionAction } from '../../api';
import { ActionStatusChip } from './ActionStatusChip';
import { stepLabel } from './steps';

/** Every change a suspension made in the cluster, with what was there before. */
export function SuspensionActionsTable(props: { actions: SuspensionAction[] }) {
  const anyError = props.actions.some(action => action.error);
  const nowrap = { whiteSpace: 'nowrap' } as const;
  return (
    <Table size="small" aria-label="Suspension actions">
      <TableHead>
        <TableRow>
          <TableCell>Kind</TableCell>
          <TableCell>Object</TableCell>
          <TableCell>Before</TableCell>
          <TableCell>Status</TableCell>
          {anyError && <TableCell>Error</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.actions.map(action => (
          <TableRow
            key={`${action.step}/${action.kind}/${action.namespace ?? ''}/${
              action.name
            }`}
          >
            <TableCell title={stepLabel(action.step)} style={nowrap}>
              {action.kind}
            </TableCell>
            <TableCell>
              {action.namespace ? `${action.namespace}/` : ''}
              {action.name}
            </TableCell>
            <TableCell>{action.before}</TableCell>
            <TableCell>
              <ActionStatusChip status={action.status} />
            </TableCell>
            {anyError && <TableCell>{action.error ?? ''}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
