import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { SuspensionPreview } from '../../api';
import { plural } from '../shared/plural';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;
/**
 * What suspending the team now would stop: its namespaces, the running
 * workloads with their replicas and GPUs, or why the cluster could not be
 * read.
 */
export function SuspensionPreviewSection(props: {
  preview?: SuspensionPreview;
}) {
  const { preview } = props;
  return (
    <section data-testid="suspension-preview">
      <Typography variant="subtitle2" component="h3" gutterBottom>
        What suspending now would stop
      </Typography>
      {!preview && (
        <Typography variant="body2" color="textSecondary">
          No preview.
        </Typography>
      )}
      {preview && !preview.available && (
        <Alert severity="info">
          {preview.reason ?? 'The cluster could not be read.'}
        </Alert>
      )}
      {preview?.available && (
        <>
          <Typography variant="body2" gutterBottom>
            {preview.namespaces.length > 0
              ? `Namespaces: ${preview.namespaces.join(', ')}`
              : 'The team has no namespace.'}
          </Typography>
          {preview.workloads.length === 0 ? (
            <Typography variant="body2" color="textSecondary">
              Nothing is running: a suspension would stop no workload.
            </Typography>
          ) : (
            <Table size="small" aria-label="Workloads a suspension would stop">
              <TableHead>
                <TableRow>
                  <TableCell>Kind</TableCell>
                  <TableCell>Workload</TableCell>
                  <TableCell align="right" style={NO_WRAP}>
                    Replicas
                  </TableCell>
                  <TableCell align="right">GPUs</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {preview.workloads.map(w => (
                  <TableRow key={`${w.kind}/${w.namespace}/${w.name}`}>
                    <TableCell style={NO_WRAP}>{w.kind}</TableCell>
                    <TableCell>
                      {w.namespace}/{w.name}
                    </TableCell>
                    <TableCell align="right">
                      {w.kind === 'CronJob' ? (
                        <span title="Its runs are listed as Jobs; suspending stops its schedule">
                          –
                        </span>
                      ) : (
                        w.replicas
                      )}
                    </TableCell>
                    <TableCell align="right">{w.gpus}</TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableCell colSpan={3}>
                    <strong>Total</strong>
                  </TableCell>
                  <TableCell
                    align="right"
                    data-testid="preview-gpus"
                    style={NO_WRAP}
                  >
                    <strong>{plural(preview.gpus, 'GPU')}</strong>
                  </TableCell>
                </TableRow>
              </TableBody>
            </Table>
          )}
        </>
      )}
    </section>
  );
}
