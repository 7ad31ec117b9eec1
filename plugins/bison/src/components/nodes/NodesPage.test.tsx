import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/apis';
import {
  aNode,
  aTeam,
  mockBisonApi,
  responseError,
} from '../../__testUtils__/fixtures';
import { BisonApi } from '../../api';
import { NodesPage } from './NodesPage';

// Typing into MUI dialogs takes seconds when the CI machine is busy.
const shared = aNode('cpu-1');
const reserved = aNode('gpu-1', {
  team: 'ml-team',
  gpuModel: 'NVIDIA-A100-SXM4-80GB',
  capacity: { cpu: '64', memory: '512Gi', 'nvidia.com/gpu': '8' },
  allocatable: { cpu: '63500m', memory: '500Gi', 'nvidia.com/gpu': '8' },
});
const broken = aNode('cpu-2', { ready: false, unschedulable: true });

function apiWithNodes(overrides: Partial<BisonApi> = {}) {
  return mockBisonApi({
    listNodes: async () => [shared, reserved, broken],
    listTeams: async () => [
      aTeam(),
      aTeam({ name: 'data-team', displayName: 'Data' }),
    ],
    ...overrides,
  });
}

function rowOf(name: string) {
  return screen.getByText(name, { selector: 'td' }).closest('tr')!;
}

// nodesManagePermission is a basic permission, cached for the whole file:
// the read-only view is tested in NodesPage.readonly.test.tsx.
describe('NodesPage', () => {
  it('lists the nodes with their pool, readiness and resources in units', async () => {
    await renderWithApis(<NodesPage />, { bison: apiWithNodes() });
    expect(
      await screen.findByRole('heading', { name: 'Node pools' }),
    ).toBeInTheDocument();
    await screen.findByText('gpu-1', { selector: 'td' });

    const gpu = rowOf('gpu-1');
    expect(within(gpu).getByRole('link', { name: 'ml-team' })).toHaveAttribute(
      'href',
      '/bison/teams/ml-team',
    );
    expect(within(gpu).getByText('NVIDIA-A100-SXM4-80GB')).toBeInTheDocument();
    expect(within(gpu).getByText('63.5 / 64 cores')).toBeInTheDocument();
    expect(within(gpu).getByText('500 / 512 GiB')).toBeInTheDocument();
    expect(
      within(gpu).getByText('nvidia.com/gpu: 8 / 8 devices'),
    ).toBeInTheDocument();
    expect(within(gpu).getByText('Ready')).toBeInTheDocument();

    const cpu = rowOf('cpu-1');
    expect(within(cpu).getByText('shared')).toBeInTheDocument();
    expect(within(cpu).getByText('7.9 / 8 cores')).toBeInTheDocument();
    expect(within(cpu).getByText('31 / 32 GiB')).toBeInTheDocument();

    const down = rowOf('cpu-2');
    expect(within(down).getByText('Not ready')).toBeInTheDocument();
    expect(within(down).getByText('Cordoned')).toBeInTheDocument();
  });

  it('offers Assign on shared nodes and Release on reserved ones', async () => {
    await renderWithApis(<NodesPage />, { bison: apiWithNodes() });
    expect(
      await screen.findByRole('button', { name: 'Assign node cpu-1' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Release node gpu-1' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Assign node gpu-1' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Release node cpu-1' }),
    ).not.toBeInTheDocument();
  });

  it('assigns a shared node to the team chosen, then reloads', async () => {
    const api = apiWithNodes();
    await renderWithApis(<NodesPage />, { bison: api });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Assign node cpu-1' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Assign node cpu-1',
    });
    const assign = within(dialog).getByRole('button', { name: 'Assign' });
    expect(assign).toBeDisabled();
    await within(dialog).findByRole('option', { name: 'Data (data-team)' });
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Team'),
      'data-team',
    );
    await userEvent.click(assign);

    await waitFor(() =>
      expect(api.assignNode).toHaveBeenCalledWith('cpu-1', 'data-team'),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.listNodes).toHaveBeenCalledTimes(2);
  });

  it('shows a conflict when the node belongs to another team', async () => {
    const api = apiWithNodes();
    api.assignNode.mockRejectedValueOnce(
      await responseError(
        409,
        "node 'cpu-1' is reserved for team 'data-team'",
        'ConflictError',
      ),
    );
    await renderWithApis(<NodesPage />, { bison: api });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Assign node cpu-1' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Assign node cpu-1',
    });
    await within(dialog).findByRole('option', {
      name: 'Machine Learning (ml-team)',
    });
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Team'),
      'ml-team',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Assign' }),
    );

    expect(
      await within(dialog).findByText(
        "node 'cpu-1' is reserved for team 'data-team'",
      ),
    ).toBeInTheDocument();
    expect(api.listNodes).toHaveBeenCalledTimes(1);
  });

  it('releases a reserved node after confirmation', async () => {
    const api = apiWithNodes();
    await renderWithApis(<NodesPage />, { bison: api });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Release node gpu-1' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Release node gpu-1',
    });
    expect(dialog).toHaveTextContent('team ml-team');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Release' }),
    );
    await waitFor(() => expect(api.releaseNode).toHaveBeenCalledWith('gpu-1'));
    await waitFor(() => expect(api.listNodes).toHaveBeenCalledTimes(2));
  });

  it('shows why a release failed', async () => {
    const api = apiWithNodes();
    api.releaseNode.mockRejectedValueOnce(
      await responseError(404, "node 'gpu-1' not found", 'NotFoundError'),
    );
    await renderWithApis(<NodesPage />, { bison: api });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Release node gpu-1' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Release node gpu-1',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Release' }),
    );
    expect(
      await within(dialog).findByText("node 'gpu-1' not found"),
    ).toBeInTheDocument();
  });

  it('says so when the user may not read the nodes', async () => {
    const forbidden = await responseError(
      403,
      'not allowed',
      'NotAllowedError',
    );
    await renderWithApis(<NodesPage />, {
      bison: apiWithNodes({
        listNodes: async () => {
          throw forbidden;
        },
      }),
    });
    expect(
      await screen.findByText('You do not have access to the node pools'),
    ).toBeInTheDocument();
  });

  it('shows other errors', async () => {
    const failure = await responseError(500, 'kubernetes is down', 'Error');
    await renderWithApis(<NodesPage />, {
      bison: apiWithNodes({
        listNodes: async () => {
          throw failure;
        },
      }),
    });
    expect(
      (await screen.findAllByText(/kubernetes is down/))[0],
    ).toBeInTheDocument();
  });
});
