import {
  EmptyState,
  Link,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { nodesManagePermission } from '@bison/plugin-bison-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { bisonApiRef, BisonNode } from '../../api';
import { rootRouteRef, teamRouteRef } from '../../routes';
import { isForbidden } from '../shared/errorMessage';
import { AssignNodeDialog } from './AssignNodeDialog';
import { deviceResources, formatNodeResource } from './nodeResources';
import { ReleaseNodeDialog } from './ReleaseNodeDialog';

/**
 * The node pools (`/bison/nodes`): every node with the team it is reserved
 * for (or shared), its readiness, GPU model, and allocatable / capacity of
 * CPU, memory and devices. Those allowed to manage nodes can assign a
 * shared node to a team and release a team's node.
 */
export function NodesPage() {
  const api = useApi(bisonApiRef);
  const overviewLink = useRouteRef(rootRouteRef);
  const teamLink = useRouteRef(teamRouteRef);
  const canManage = usePermission({
    permission: nodesManagePermission,
  }).allowed;
  const [reloads, setReloads] = useState(0);
  const [assigning, setAssigning] = useState<BisonNode>();
  const [releasing, setReleasing] = useState<BisonNode>();
  const {
    value: nodes,
    loading,
    error,
  } = useAsync(() => api.listNodes(), [api, reloads]);
  const reload = () => setReloads(n => n + 1);

  let body;
  if (error && isForbidden(error)) {
    body = (
      <EmptyState
        missing="info"
        title="You do not have access to the node pools"
        description="Ask a Bison administrator for the permission to read nodes."
      />
    );
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else {
    const columns: TableColumn<BisonNode>[] = [
      { title: 'Name', field: 'name' },
      {
        title: 'Pool',
        field: 'team',
        render: node =>
          node.team ? (
            <Link to={teamLink({ team: node.team })}>{node.team}</Link>
          ) : (
            'shared'
          ),
      },
      {
        title: 'Ready',
        field: 'ready',
        render: node => (
          <Box display="flex" gridGap={4} flexWrap="wrap">
            <Chip
              size="small"
              label={node.ready ? 'Ready' : 'Not ready'}
              color={node.ready ? 'primary' : 'secondary'}
            />
            {node.unschedulable && <Chip size="small" label="Cordoned" />}
          </Box>
        ),
      },
      { title: 'GPU model', field: 'gpuModel', render: n => n.gpuModel ?? '—' },
      {
        title: 'CPU',
        render: node => formatNodeResource(node, 'cpu') ?? '—',
      },
      {
        title: 'Memory',
        render: node => formatNodeResource(node, 'memory') ?? '—',
      },
      {
        title: 'GPUs and devices',
        render: node => {
          const devices = deviceResources(node);
          if (devices.length === 0) return '—';
          return devices.map(key => (
            <Typography key={key} variant="body2">
              {key}: {formatNodeResource(node, key)}
            </Typography>
          ));
        },
      },
    ];
    if (canManage) {
      columns.push({
        title: 'Actions',
        render: node =>
          node.team ? (
            <Button
              size="small"
              variant="outlined"
              aria-label={`Release node ${node.name}`}
              onClick={() => setReleasing(node)}
            >
              Release
            </Button>
          ) : (
            <Button
              size="small"
              variant="outlined"
              color="primary"
              aria-label={`Assign node ${node.name}`}
              onClick={() => setAssigning(node)}
            >
              Assign
            </Button>
          ),
      });
    }
    body = (
      <Table<BisonNode>
        title="Nodes"
        subtitle="Allocatable / capacity per node"
        columns={columns}
        data={(nodes ?? []).map(node => ({ ...node }))}
        isLoading={loading}
        emptyContent={
          <Box p={2}>
            <Typography>The cluster reports no nodes.</Typography>
          </Box>
        }
        options={{
          paging: (nodes?.length ?? 0) > 50,
          pageSize: 50,
          search: (nodes?.length ?? 0) > 10,
          draggable: false,
          padding: 'dense',
        }}
      />
    );
  }

  return (
    <>
      <Box mb={3}>
        <Link to={overviewLink()}>All teams</Link>
        <Typography variant="h4" component="h1">
          Node pools
        </Typography>
        <Typography variant="body2" color="textSecondary">
          A node assigned to a team is reserved for that team's pods; the other
          nodes are shared.
        </Typography>
      </Box>
      {body}
      <AssignNodeDialog
        node={assigning}
        onClose={() => setAssigning(undefined)}
        onDone={reload}
      />
      <ReleaseNodeDialog
        node={releasing}
        onClose={() => setReleasing(undefined)}
        onDone={reload}
      />
    </>
  );
}
