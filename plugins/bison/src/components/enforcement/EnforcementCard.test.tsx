import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ALLOW, DENY, renderWithApis } from '../../__testUtils__/apis';
import {
  aSuspension,
  aTeamEnforcement,
  daysAgo,
  mockBisonApi,
  responseError,
} from '../../__testUtils__/fixtures';
import { BisonApi, TeamEnforcement } from '../../api';
import { EnforcementCard } from './EnforcementCard';

const defaults = aTeamEnforcement();

async function renderCard(
  bison: Partial<BisonApi>,
  options: {
    team?: string;
    onChanged?: () => void;
    authorize?: Parameters<typeof renderWithApis>[1]['authorize'];
  } = {},
) {
  await renderWithApis(
    <EnforcementCard
      team={options.team ?? 'ml-team'}
      onChanged={options.onChanged}
    />,
    { bison, authorize: options.authorize },
  );
}

function enforcing(overrides: Partial<TeamEnforcement>) {
  return mockBisonApi({
    getEnforcement: async team => aTeamEnforcement({ team, ...overrides }),
  });
}

// usePermission caches decisions per permission and team for the whole file,
// so the test that expects a denial uses another team.
describe('EnforcementCard', () => {
  it("shows the settings in effect, each the team's own or the default", async () => {
    await renderCard(
      enforcing({
        settings: {
          ...defaults.settings,
          lowBalance: '100.00',
          graceHours: 48,
          lowRunwayDays: null,
          steps: ['cordon', 'scale-workloads', 'delete-bare-pods'],
        },
        overrides: { lowBalance: '100.00', graceHours: 48 },
      }),
    );
    const row = async (key: string) => screen.findByTestId(`setting-${key}`);
    expect(await row('mode')).toHaveTextContent(
      'Enforce: suspending stops workloads',
    );
    expect(await row('graceHours')).toHaveTextContent('48 hoursTeam setting');
    expect(await row('graceHours')).toHaveAttribute('data-source', 'team');
    expect(await row('lowBalance')).toHaveTextContent('$100.00Team setting');
    expect(await row('lowRunwayDays')).toHaveTextContent('Not setDefault');
    expect(await row('creditLimit')).toHaveAttribute('data-source', 'default');
    expect(await row('resumeBalance')).toHaveTextContent('$0.00Default');
    expect(
      within(await row('steps'))
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'Cordon the tenant and its namespaces',
      'Scale Deployments and StatefulSets to 0',
      'Delete pods without an owner (cannot be undone)',
    ]);
  });

  it('reads the enforcement with the preview and lists what a suspension would stop', async () => {
    const api = enforcing({
      preview: {
        available: true,
        namespaces: ['ml-training', 'ml-serving'],
        workloads: [
          {
            kind: 'Deployment',
            namespace: 'ml-serving',
            name: 'api',
            replicas: 2,
            gpus: 0,
          },
          {
            kind: 'StatefulSet',
            namespace: 'ml-training',
            name: 'trainer',
            replicas: 3,
            gpus: 6,
          },
        ],
        gpus: 6,
      },
    });
    await renderCard(api);
    const preview = await screen.findByTestId('suspension-preview');
    expect(api.getEnforcement).toHaveBeenCalledWith('ml-team');
    expect(preview).toHaveTextContent('Namespaces: ml-training, ml-serving');
    const rows = within(preview)
      .getAllByRole('row')
      .map(r =>
        within(r)
          .queryAllByRole('cell')
          .map(c => c.textContent),
      );
    expect(rows.slice(1)).toEqual([
      ['Deployment', 'ml-serving/api', '2', '0'],
      ['StatefulSet', 'ml-training/trainer', '3', '6'],
      ['Total', '6 GPUs'],
    ]);
  });

  it('says why there is no preview', async () => {
    await renderCard(
      enforcing({
        preview: {
          available: false,
          reason: 'The cluster could not be read: connection refused',
          namespaces: [],
          workloads: [],
          gpus: 0,
        },
      }),
    );
    expect(await screen.findByTestId('suspension-preview')).toHaveTextContent(
      'The cluster could not be read: connection refused',
    );
  });

  it('lists the actions of the current suspension with their status and error', async () => {
    await renderCard(
      enforcing({
        state: 'suspended',
        suspension: aSuspension({
          status: 'suspending',
          actions: [
            {
              step: 'scale-workloads',
              kind: 'Deployment',
              namespace: 'ml-training',
              name: 'trainer',
              before: '3 replicas',
              status: 'applied',
            },
            {
              step: 'suspend-jobs',
              kind: 'CronJob',
              namespace: 'ml-training',
              name: 'nightly',
              before: 'not suspended',
              status: 'failed',
              error: 'cronjobs.batch is forbidden',
            },
          ],
        }),
      }),
    );
    const section = await screen.findByTestId('suspension');
    expect(section).toHaveTextContent('Current suspension');
    expect(section).toHaveTextContent('Suspended: grace period expired');
    const rows = within(section)
      .getAllByRole('row')
      .slice(1)
      .map(r =>
        within(r)
          .getAllByRole('cell')
          .map(c => c.textContent),
      );
    expect(rows).toEqual([
      ['Deployment', 'ml-training/trainer', '3 replicas', 'Applied', ''],
      [
        'CronJob',
        'ml-training/nightly',
        'not suspended',
        'Failed',
        'cronjobs.batch is forbidden',
      ],
    ]);
    // Everything is stopped already: no preview.
    expect(screen.queryByTestId('suspension-preview')).not.toBeInTheDocument();
  });

  it('shows what the last suspension restored once resumed', async () => {
    await renderCard(
      enforcing({
        suspension: aSuspension({
          status: 'resumed',
          trigger: 'manual',
          actor: 'user:default/admin',
          reason: 'audit',
          resumedAt: daysAgo(0),
          resumedBy: 'user:default/finance',
          resumeReason: 'paid',
          actions: [
            {
              step: 'scale-workloads',
              kind: 'Deployment',
              namespace: 'ml-training',
              name: 'trainer',
              before: '3 replicas',
              status: 'undone',
            },
          ],
        }),
      }),
    );
    const section = await screen.findByTestId('suspension');
    expect(section).toHaveTextContent('Last suspension');
    expect(section).toHaveTextContent('Suspended by user:default/admin: audit');
    expect(section).toHaveTextContent(
      /Resumed .+ by user:default\/finance: paid/,
    );
    expect(within(section).getByTestId('action-status')).toHaveTextContent(
      'Undone',
    );
    expect(screen.getByTestId('suspension-preview')).toBeInTheDocument();
  });

  it('shows a backend error', async () => {
    const error = await responseError(
      404,
      "team 'ml-team' has no wallet",
      'NotFoundError',
    );
    await renderCard(
      mockBisonApi({
        getEnforcement: async () => {
          throw error;
        },
      }),
    );
    expect(
      (await screen.findAllByText(/has no wallet/))[0],
    ).toBeInTheDocument();
  });

  it('offers no Edit, Suspend or Resume to a member without bison.team.suspend', async () => {
    const authorize = jest.fn((request: any) =>
      request.permission.name === 'bison.team.suspend' ? DENY : ALLOW,
    );
    await renderCard(
      enforcing({ state: 'suspended', suspension: aSuspension() }),
      {
        team: 'readonly-team',
        authorize,
      },
    );
    await screen.findByTestId('suspension');
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({ name: 'bison.team.suspend' }),
          resourceRef: 'readonly-team',
        }),
      ),
    );
    await act(() => new Promise(resolve => setTimeout(resolve, 0)));
    for (const name of [
      'Edit settings',
      'Suspend',
      'Change suspension',
      'Resume',
    ]) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
  });

  describe('suspending', () => {
    it('requires a reason, then sends it with the hold and reloads', async () => {
      const api = mockBisonApi();
      const onChanged = jest.fn();
      await renderCard(api, { onChanged });
      await userEvent.click(
        await screen.findByRole('button', { name: 'Suspend' }),
      );
      const dialog = await screen.findByRole('dialog', {
        name: 'Suspend ml-team',
      });
      expect(dialog).toHaveTextContent(
        'Suspending runs these steps: Cordon the tenant and its namespaces; Block new pods;',
      );

      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Suspend' }),
      );
      expect(
        await within(dialog).findByText('Enter a reason'),
      ).toBeInTheDocument();
      expect(api.suspendTeam).not.toHaveBeenCalled();

      await userEvent.type(
        within(dialog).getByRole('textbox', { name: /Reason/ }),
        '  audit ',
      );
      await userEvent.click(
        within(dialog).getByRole('checkbox', {
          name: /Hold until an admin resumes the team/,
        }),
      );
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Suspend' }),
      );

      await waitFor(() =>
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
      );
      expect(api.suspendTeam).toHaveBeenCalledWith('ml-team', {
        reason: 'audit',
        hold: true,
      });
      await waitFor(() => expect(api.getEnforcement).toHaveBeenCalledTimes(2));
      expect(onChanged).toHaveBeenCalledTimes(1);
    });

    it("shows the backend's refusal in the dialog", async () => {
      const api = mockBisonApi();
      api.suspendTeam.mockRejectedValueOnce(
        await responseError(
          400,
          "unknown field 'held'; expected 'reason', 'hold'",
        ),
      );
      await renderCard(api);
      await userEvent.click(
        await screen.findByRole('button', { name: 'Suspend' }),
      );
      const dialog = await screen.findByRole('dialog', {
        name: 'Suspend ml-team',
      });
      await userEvent.type(
        within(dialog).getByRole('textbox', { name: /Reason/ }),
        'x',
      );
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Suspend' }),
      );
      expect(await within(dialog).findByRole('alert')).toHaveTextContent(
        "unknown field 'held'; expected 'reason', 'hold'",
      );
      expect(api.suspendTeam).toHaveBeenCalledWith('ml-team', {
        reason: 'x',
        hold: false,
      });
    });

    it('changes the reason and hold of a current suspension', async () => {
      const api = enforcing({
        state: 'suspended',
        suspension: aSuspension({
          trigger: 'manual',
          reason: 'audit',
          held: true,
        }),
      });
      await renderCard(api);
      await userEvent.click(
        await screen.findByRole('button', { name: 'Change suspension' }),
      );
      const dialog = await screen.findByRole('dialog', {
        name: 'Change the suspension of ml-team',
      });
      expect(
        within(dialog).getByRole('textbox', { name: /Reason/ }),
      ).toHaveValue('audit');
      const hold = within(dialog).getByRole('checkbox', { name: /Hold/ });
      expect(hold).toBeChecked();
      await userEvent.click(hold);
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Save' }),
      );
      await waitFor(() =>
        expect(api.suspendTeam).toHaveBeenCalledWith('ml-team', {
          reason: 'audit',
          hold: false,
        }),
      );
    });
  });

  describe('resuming', () => {
    it('sends the reason and warns of a new grace period for an overdue balance', async () => {
      const api = enforcing({
        state: 'suspended',
        balance: '-20.00',
        suspension: aSuspension(),
      });
      await renderCard(api);
      await userEvent.click(
        await screen.findByRole('button', { name: 'Resume' }),
      );
      const dialog = await screen.findByRole('dialog', {
        name: 'Resume ml-team',
      });
      expect(dialog).toHaveTextContent(
        'The balance (-$20.00) is still below the credit limit: a new grace period of 24 hours starts.',
      );
      await userEvent.type(
        within(dialog).getByRole('textbox', { name: /Reason/ }),
        'paid by wire',
      );
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Resume' }),
      );
      await waitFor(() =>
        expect(api.resumeTeam).toHaveBeenCalledWith('ml-team', {
          reason: 'paid by wire',
        }),
      );
      await waitFor(() => expect(api.getEnforcement).toHaveBeenCalledTimes(2));
    });

    it('offers Resume only to a suspended team', async () => {
      await renderCard(mockBisonApi());
      expect(
        await screen.findByRole('button', { name: 'Suspend' }),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: 'Resume' }),
      ).not.toBeInTheDocument();
    });
  });

  describe('editing the settings', () => {
    it('sends every setting, null for those on the default', async () => {
      const api = enforcing({
        settings: { ...defaults.settings, lowBalance: '100.00' },
        overrides: { lowBalance: '100.00' },
      });
      await renderCard(api);
      await userEvent.click(
        await screen.findByRole('button', { name: 'Edit settings' }),
      );
      const dialog = await screen.findByRole('dialog', {
        name: 'Enforcement settings of ml-team',
      });
      const grace = within(dialog).getByRole('textbox', {
        name: 'Grace period (hours)',
      });
      expect(grace).toBeDisabled();
      expect(grace).toHaveValue('24');

      await userEvent.click(
        within(dialog).getByRole('checkbox', {
          name: 'Use the default grace period',
        }),
      );
      expect(grace).toBeEnabled();
      await userEvent.clear(grace);
      await userEvent.type(grace, '48');
      await userEvent.click(
        within(dialog).getByRole('checkbox', {
          name: 'Use the default low balance',
        }),
      );
      await userEvent.click(
        within(dialog).getByRole('checkbox', {
          name: 'Use the default suspension steps',
        }),
      );
      await userEvent.click(
        within(dialog).getByRole('checkbox', { name: 'Block new pods' }),
      );
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Save' }),
      );

      await waitFor(() =>
        expect(api.updateEnforcement).toHaveBeenCalledWith('ml-team', {
          mode: null,
          lowBalance: null,
          lowRunwayDays: null,
          creditLimit: null,
          graceHours: 48,
          resumeBalance: null,
          steps: ['cordon', 'scale-workloads', 'suspend-jobs'],
        }),
      );
      await waitFor(() =>
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
      );
      await waitFor(() => expect(api.getEnforcement).toHaveBeenCalledTimes(2));
    });

    it("keeps the dialog open with the backend's message on a 400", async () => {
      const api = mockBisonApi();
      api.updateEnforcement.mockRejectedValueOnce(
        await responseError(
          400,
          "'graceHours' must be a number from 0 to 8760",
        ),
      );
      await renderCard(api);
      await userEvent.click(
        await screen.findByRole('button', { name: 'Edit settings' }),
      );
      const dialog = await screen.findByRole('dialog', {
        name: 'Enforcement settings of ml-team',
      });
      await userEvent.click(
        within(dialog).getByRole('checkbox', {
          name: 'Use the default grace period',
        }),
      );
      const grace = within(dialog).getByRole('textbox', {
        name: 'Grace period (hours)',
      });
      await userEvent.clear(grace);
      await userEvent.type(grace, '9000');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Save' }),
      );

      expect(await within(dialog).findByRole('alert')).toHaveTextContent(
        "'graceHours' must be a number from 0 to 8760",
      );
      expect(api.updateEnforcement).toHaveBeenCalledWith(
        'ml-team',
        expect.objectContaining({ graceHours: 9000 }),
      );
      expect(api.getEnforcement).toHaveBeenCalledTimes(1);
    });

    it('refuses what it cannot read before sending', async () => {
      const api = mockBisonApi();
      await renderCard(api);
      await userEvent.click(
        await screen.findByRole('button', { name: 'Edit settings' }),
      );
      const dialog = await screen.findByRole('dialog', {
        name: 'Enforcement settings of ml-team',
      });
      await userEvent.click(
        within(dialog).getByRole('checkbox', {
          name: 'Use the default credit limit',
        }),
      );
      const limit = within(dialog).getByRole('textbox', {
        name: 'Credit limit',
      });
      await userEvent.clear(limit);
      await userEvent.type(limit, '1.234');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Save' }),
      );
      expect(
        await within(dialog).findByText(
          'amount has more than 2 decimal places',
        ),
      ).toBeInTheDocument();
      expect(api.updateEnforcement).not.toHaveBeenCalled();
    });
  });
});
