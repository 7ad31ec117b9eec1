import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ALLOW, DENY, renderWithApis } from '../../__testUtils__/apis';
import {
  aTeamQuota,
  mockBisonApi,
  responseError,
} from '../../__testUtils__/fixtures';
import { TeamQuotaCard } from './TeamQuotaCard';

// Typing into MUI dialogs takes seconds when the CI machine is busy.
const quota = aTeamQuota({
  team: {
    hard: { 'requests.memory': '64Gi', 'requests.cpu': '500m' },
    used: { 'requests.memory': '12Gi', 'requests.cpu': '100m' },
  },
  projects: [
    {
      name: 'ml-training',
      quota: {
        hard: { 'requests.nvidia.com/gpu': '2' },
        used: { 'requests.nvidia.com/gpu': '2' },
      },
    },
  ],
});

// usePermission caches decisions per team for the whole file, so tests that
// expect another decision use another team.
describe('TeamQuotaCard', () => {
  it('shows the team and project quotas', async () => {
    const api = mockBisonApi({ getTeamQuota: async () => quota });
    await renderWithApis(<TeamQuotaCard team="ml-team" />, { bison: api });

    const team = await screen.findByTestId('team-quota');
    expect(team).toHaveTextContent('12 / 64 GiB');
    expect(team).toHaveTextContent('0.1 / 0.5 cores');
    const project = screen.getByTestId('project-quota-ml-training');
    expect(project).toHaveTextContent('ml-training');
    expect(project).toHaveTextContent('2 / 2 devices');
    expect(api.getTeamQuota).toHaveBeenCalledWith('ml-team');
  });

  it('hides the edit buttons without the quota permission for the team', async () => {
    const authorize = jest.fn(() => DENY);
    const api = mockBisonApi({ getTeamQuota: async () => quota });
    await renderWithApis(<TeamQuotaCard team="readonly-team" />, {
      bison: api,
      authorize,
    });
    await screen.findByTestId('team-quota');
    await waitFor(() => expect(authorize).toHaveBeenCalled());
    await act(() => new Promise(resolve => setTimeout(resolve, 0)));
    expect(
      screen.queryByRole('button', { name: 'Edit quota' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Change quota of ml-training' }),
    ).not.toBeInTheDocument();
    expect(api.listComputeResources).not.toHaveBeenCalled();
  });

  it('edits the team quota in its own units and PUTs the hard map', async () => {
    const requests: unknown[] = [];
    const api = mockBisonApi({ getTeamQuota: async () => quota });
    await renderWithApis(<TeamQuotaCard team="edit-team" />, {
      bison: api,
      authorize: request => {
        requests.push(request);
        return ALLOW;
      },
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit quota' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit team quota',
    });
    const memory = await within(dialog).findByLabelText('memory');
    expect(memory).toHaveValue('64');
    expect(within(dialog).getByLabelText('memory unit')).toHaveValue('Gi');
    expect(within(dialog).getByLabelText('cpu')).toHaveValue('500');

    await userEvent.clear(memory);
    await userEvent.type(memory, '128');
    await userEvent.type(within(dialog).getByLabelText('nvidia.com/gpu'), '8');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.putTeamQuota).toHaveBeenCalledWith('edit-team', {
        hard: {
          'requests.cpu': '500m',
          'requests.memory': '128Gi',
          'requests.nvidia.com/gpu': '8',
        },
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.getTeamQuota).toHaveBeenCalledTimes(2);
    expect(requests).toContainEqual(
      expect.objectContaining({
        permission: expect.objectContaining({ name: 'bison.quota.update' }),
        resourceRef: 'edit-team',
      }),
    );
  });

  it('keeps the dialog open with the backend message when saving fails', async () => {
    const api = mockBisonApi({ getTeamQuota: async () => quota });
    api.putTeamQuota.mockRejectedValueOnce(
      await responseError(
        400,
        "'hard.requests.memory' exceeds what the cluster has",
      ),
    );
    await renderWithApis(<TeamQuotaCard team="edit-team" />, { bison: api });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit quota' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit team quota',
    });
    await within(dialog).findByLabelText('memory');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(
      await within(dialog).findByText(
        "'hard.requests.memory' exceeds what the cluster has",
      ),
    ).toBeInTheDocument();
    expect(api.putTeamQuota).toHaveBeenCalledWith('edit-team', {
      hard: quota.team.hard,
    });
  });

  it('does not send an invalid quota', async () => {
    const api = mockBisonApi({ getTeamQuota: async () => quota });
    await renderWithApis(<TeamQuotaCard team="edit-team" />, { bison: api });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit quota' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit team quota',
    });
    await userEvent.type(await within(dialog).findByLabelText('pods'), 'many');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      within(dialog).getByText('must be a whole number'),
    ).toBeInTheDocument();
    expect(api.putTeamQuota).not.toHaveBeenCalled();
  });

  it("edits a project's quota", async () => {
    const api = mockBisonApi({ getTeamQuota: async () => quota });
    await renderWithApis(<TeamQuotaCard team="edit-team" />, { bison: api });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Change quota of ml-training',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit quota of project ml-training',
    });
    const gpu = await within(dialog).findByLabelText('nvidia.com/gpu');
    expect(gpu).toHaveValue('2');
    await userEvent.clear(gpu);
    await userEvent.type(gpu, '3');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.putProjectQuota).toHaveBeenCalledWith(
        'edit-team',
        'ml-training',
        { hard: { 'requests.nvidia.com/gpu': '3' } },
      ),
    );
  });
});
