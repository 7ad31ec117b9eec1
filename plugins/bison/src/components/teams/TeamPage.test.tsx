import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { ALLOW, DENY, renderWithApis } from '../../__testUtils__/apis';
import {
  aProject,
  aSuspension,
  aTeam,
  aTeamEnforcement,
  aWallet,
  mockBisonApi,
  responseError,
} from '../../__testUtils__/fixtures';
import { BisonApi } from '../../api';
import { TeamPage } from './TeamPage';

// Typing into MUI dialogs takes seconds when the CI machine is busy.
async function renderTeamPage(
  team: string,
  bison: Partial<BisonApi>,
  authorize?: Parameters<typeof renderWithApis>[1]['authorize'],
) {
  await renderWithApis(
    <Routes>
      <Route path="/bison" element={<p>Overview</p>} />
      <Route path="/bison/teams/:team" element={<TeamPage team={team} />} />
    </Routes>,
    { bison, authorize, routeEntries: [`/bison/teams/${team}`] },
  );
}

// usePermission caches decisions per team for the whole file, so tests that
// expect another decision use another team.
describe('TeamPage', () => {
  it("shows the team's quota, projects and wallet", async () => {
    const api = mockBisonApi({
      getTeam: async name => aTeam({ name, pool: 'exclusive' }),
      listTeamProjects: async () => [aProject('ml-training')],
    });
    await renderTeamPage('ml-team', api);

    expect(
      await screen.findByRole('heading', { name: 'Machine Learning' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/exclusive pool/)).toBeInTheDocument();
    expect(await screen.findByTestId('team-quota')).toHaveTextContent(
      '12 / 64 GiB',
    );
    expect(
      await screen.findByTestId('project-ml-training'),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('wallet-balance')).toBeInTheDocument();
    expect(api.getTeamQuota).toHaveBeenCalledWith('ml-team');
    expect(api.listTeamProjects).toHaveBeenCalledWith('ml-team');
  });

  it("lists the team's statements", async () => {
    const api = mockBisonApi();
    await renderTeamPage('ml-team', api);
    expect(
      await screen.findByRole('link', { name: 'February 2026' }),
    ).toHaveAttribute('href', '/bison/teams/ml-team/statements/2026-02');
    expect(api.listTeamStatements).toHaveBeenCalledWith('ml-team');
  });

  it('flags a drifted tenant next to the title', async () => {
    await renderTeamPage(
      'ml-team',
      mockBisonApi({
        getTeam: async name =>
          aTeam({
            name,
            tenancy: { status: 'drifted', problems: ['quota differs'] },
          }),
      }),
    );
    expect(await screen.findByTestId('tenancy-status')).toHaveAttribute(
      'aria-label',
      'Tenant drifted: quota differs',
    );
  });

  it('reloads the quota card after a project is created', async () => {
    const api = mockBisonApi();
    await renderTeamPage('ml-team', api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Create project' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Create project',
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Name' }),
      'ml-eval',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );
    await waitFor(() => expect(api.getTeamQuota).toHaveBeenCalledTimes(2));
  });

  it('edits the display name, description and pool', async () => {
    const api = mockBisonApi({
      getTeam: async name => aTeam({ name, pool: 'shared' }),
    });
    await renderTeamPage('ml-team', api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit team' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Edit team' });
    const displayName = within(dialog).getByLabelText('Display name');
    expect(displayName).toHaveValue('Machine Learning');
    await userEvent.clear(displayName);
    await userEvent.type(displayName, 'ML Research');
    await userEvent.type(within(dialog).getByLabelText('Description'), 'GPUs');
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Pool'),
      'exclusive',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.updateTeam).toHaveBeenCalledWith('ml-team', {
        displayName: 'ML Research',
        description: 'GPUs',
        pool: 'exclusive',
      }),
    );
    await waitFor(() => expect(api.getTeam).toHaveBeenCalledTimes(2));
  });

  it('deletes the team with its projects once its name is typed, then returns to the overview', async () => {
    const api = mockBisonApi();
    await renderTeamPage('ml-team', api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete team' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Delete team ml-team',
    });
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    expect(confirm).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText('Team name'), 'ml-team');
    await userEvent.click(
      within(dialog).getByRole('checkbox', {
        name: 'Also delete its projects and everything in them',
      }),
    );
    await userEvent.click(confirm);

    expect(await screen.findByText('Overview')).toBeInTheDocument();
    expect(api.deleteTeam).toHaveBeenCalledWith('ml-team', { cascade: true });
  });

  it('keeps the team when the backend refuses, showing why', async () => {
    const api = mockBisonApi();
    api.deleteTeam.mockRejectedValueOnce(
      await responseError(
        409,
        "team 'ml-team' still has projects; delete them or cascade",
        'ConflictError',
      ),
    );
    await renderTeamPage('ml-team', api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete team' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Delete team ml-team',
    });
    await userEvent.type(within(dialog).getByLabelText('Team name'), 'ml-team');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Delete' }),
    );

    expect(
      await within(dialog).findByText(/still has projects/),
    ).toBeInTheDocument();
    expect(api.deleteTeam).toHaveBeenCalledWith('ml-team', { cascade: false });
    expect(screen.queryByText('Overview')).not.toBeInTheDocument();
  });

  it('asks for the team permissions of this team and hides the actions when denied', async () => {
    const authorize = jest.fn((request: any) =>
      request.permission.name.startsWith('bison.team.') ? DENY : ALLOW,
    );
    await renderTeamPage('readonly-team', mockBisonApi(), authorize);
    await screen.findByRole('heading', { name: 'Machine Learning' });
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({ name: 'bison.team.delete' }),
          resourceRef: 'readonly-team',
        }),
      ),
    );
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({
        permission: expect.objectContaining({ name: 'bison.team.update' }),
        resourceRef: 'readonly-team',
      }),
    );
    await act(() => new Promise(resolve => setTimeout(resolve, 0)));
    expect(screen.queryByRole('button', { name: 'Edit team' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete team' })).toBeNull();
    expect(
      await screen.findByRole('button', { name: 'Create project' }),
    ).toBeInTheDocument();
  });

  it('shows the enforcement card and reloads the wallet after a suspension', async () => {
    const api = mockBisonApi();
    api.getWallet.mockResolvedValue(aWallet());
    await renderTeamPage('ml-team', api);
    expect(await screen.findByTestId('setting-mode')).toBeInTheDocument();
    await waitFor(() => expect(api.getWallet).toHaveBeenCalledTimes(1));
    expect(api.getEnforcement).toHaveBeenCalledWith('ml-team');
    expect(api.getEnforcement).toHaveBeenCalledWith('ml-team', {
      preview: false,
    });

    api.getWallet.mockResolvedValue(aWallet({ state: 'suspended' }));
    api.getEnforcement.mockResolvedValue(
      aTeamEnforcement({
        state: 'suspended',
        suspension: aSuspension({ trigger: 'manual', reason: 'audit' }),
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Suspend' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Suspend ml-team',
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
      'audit',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Suspend' }),
    );

    expect(await screen.findByTestId('suspended-banner')).toHaveTextContent(
      'audit',
    );
    expect(api.getWallet).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('wallet-state')).toHaveAttribute(
      'data-state',
      'suspended',
    );
    expect(
      await screen.findByRole('button', { name: 'Resume' }),
    ).toBeInTheDocument();
  });

  it('reloads the enforcement card after a recharge', async () => {
    const api = mockBisonApi();
    await renderTeamPage('ml-team', api);
    await screen.findByTestId('setting-mode');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Recharge' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Recharge wallet',
    });
    await userEvent.type(within(dialog).getByLabelText('Amount'), '100');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Recharge' }),
    );
    await waitFor(() =>
      expect(
        api.getEnforcement.mock.calls.filter(call => call.length === 1),
      ).toHaveLength(2),
    );
  });
});
