import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { Suspension } from '../../api';
import { Instant } from '../shared/Instant';
import { SuspensionActionsTable } from './SuspensionActionsTable';

const STATUS_LABELS: Record<Suspension['status'], string> = {
  suspending: 'Suspending',
  suspended: 'Suspended',
  resuming: 'Resuming',
  resumed: 'Resumed',
};

function ClusterNote(props: { suspension: Suspension }) {
  const { cluster, actions } = props.suspension;
  let text: string | undefined;
  if (cluster === 'warn')
    text = 'Warn mode: nothing was changed in the cluster.';
  else if (cluster === 'ledger-only') {
    text = 'No Kubernetes cluster is configured: suspended in the ledger only.';
  } else if (actions.length === 0)
    text = 'Nothing needed changing in the cluster.';
  if (!text) return null;
  return (
    <Typography variant="body2" color="textSecondary">
      {text}
    </Typography>
  );
}

/**
 * The team's current suspension, or its last one once resumed (showing
 * what was restored): who, why, when, and every change in the cluster.
 */
export function SuspensionSection(props: { suspension: Suspension }) {
  const { suspension } = props;
  const ended = suspension.status === 'resumed';
  return (
    <section data-testid="suspension">
      <Box display="flex" alignItems="center" gridGap={8} mb={1}>
        <Typography variant="subtitle2" component="h3">
          {ended ? 'Last suspension' : 'Current suspension'}
        </Typography>
        <Chip size="small" label={STATUS_LABELS[suspension.status]} />
        {suspension.held && (
          <Chip size="small" variant="outlined" label="Held" />
        )}
      </Box>
      <Typography variant="body2">
        {/* A grace-expired suspension's reason already says why. */}
        {suspension.trigger === 'manual'
          ? `Suspended by ${suspension.actor}`
          : 'Suspended'}
        : {suspension.reason} · <Instant at={suspension.startedAt} />
      </Typography>
      {suspension.resumedAt && (
        <Typography variant="body2">
          Resumed <Instant at={suspension.resumedAt} />
          {suspension.resumedBy ? ` by ${suspension.resumedBy}` : ''}
          {suspension.resumeReason ? `: ${suspension.resumeReason}` : ''}
        </Typography>
      )}
      <ClusterNote suspension={suspension} />
      {suspension.actions.length > 0 && (
        <Box mt={1}>
          <SuspensionActionsTable actions={suspension.actions} />
        </Box>
      )}
    </section>
  );
}
