import { Entity } from '@backstage/catalog-model';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useParams } from 'react-router-dom';
import { renderWithApis } from '../../../__testUtils__/apis';
import {
  aTeam,
  mockBisonApi,
  responseError,
} from '../../../__testUtils__/fixtures';
import { BisonApi } from '../../../api';
import { CreateTeamButton } from './CreateTeamButton';

// Typing into MUI dialogs takes seconds when the CI machine is busy.
function group(
  name: string,
  extra: { tenant?: string; displayName?: string } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      namespace: 'default',
      annotations: extra.tenant ? { 'bison.io/tenant': extra.tenant } : {},
    },
    spec: {
      type: 'team',
      children: [],
      profile: extra.displayName ? { displayName: extra.displayName } : {},
    },
  };
}

const groups = [
  group('machine-learning', {
    tenant: 'ml-team',
    displayName: 'Machine Learning',
  }),
  group('data', { displayName: 'Data Platform' }),
  group('web'),
];

function NewTeamPage() {
  const { team } = useParams();
  return <p>Team page of {team}</p>;
}

async function openWizard(bison: Partial<BisonApi> = mockBisonApi()) {
  const getEntities = jest.fn(async () => ({ items: groups }));
  await renderWithApis(
    <Routes>
      <Route path="/" element={<CreateTeamButton />} />
      <Route path="/bison/teams/:team" element={<NewTeamPage />} />
    </Routes>,
    { bison, catalog: { getEntities } as any },
  );
  await userEvent.click(
    await screen.findByRole('button', { name: 'Create team' }),
  );
  const dialog = await screen.findByRole('dialog', { name: 'Create team' });
  await within(dialog).findByRole('option', { name: /Machine Learning/ });
  return { dialog, getEntities };
}

function field(dialog: HTMLElement, name: string) {
  return within(dialog).getByRole('textbox', { name });
}

async function next(dialog: HTMLElement) {
  await userEvent.click(within(dialog).getByRole('button', { name: 'Next' }));
}

describe('CreateTeamButton', () => {
  it('creates a team from a Group, a quota and a pool, then opens its page', async () => {
    const api = mockBisonApi({ listTeams: async () => [] });
    const { dialog, getEntities } = await openWizard(api);
    expect(getEntities).toHaveBeenCalledWith({ filter: { kind: 'Group' } });

    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Group' }),
      'group:default/machine-learning',
    );
    expect(field(dialog, 'Name')).toHaveValue('ml-team');
    expect(field(dialog, 'Display name')).toHaveValue('Machine Learning');
    await userEvent.type(field(dialog, 'Description'), 'GPU research');
    await next(dialog);

    await userEvent.type(await within(dialog).findByLabelText('memory'), '64');
    await userEvent.type(within(dialog).getByLabelText('nvidia.com/gpu'), '4');
    await userEvent.type(within(dialog).getByLabelText('cpu'), '500');
    await userEvent.selectOptions(
      within(dialog).getByLabelText('cpu unit'),
      'millicores',
    );
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Pool'),
      'exclusive',
    );
    await next(dialog);

    expect(
      within(dialog).getByText('group:default/machine-learning'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('cpu: 500m, memory: 64Gi, nvidia.com/gpu: 4'),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );

    expect(await screen.findByText('Team page of ml-team')).toBeInTheDocument();
    expect(api.createTeam).toHaveBeenCalledTimes(1);
    expect(api.createTeam).toHaveBeenCalledWith({
      groupRef: 'group:default/machine-learning',
      name: 'ml-team',
      displayName: 'Machine Learning',
      description: 'GPU research',
      pool: 'exclusive',
      quota: {
        hard: {
          'requests.cpu': '500m',
          'requests.memory': '64Gi',
          'requests.nvidia.com/gpu': '4',
        },
      },
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('defaults the name to the group name and sends no quota when none is set', async () => {
    const api = mockBisonApi({ listTeams: async () => [] });
    const { dialog } = await openWizard(api);
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Group' }),
      'group:default/web',
    );
    expect(field(dialog, 'Name')).toHaveValue('web');
    expect(field(dialog, 'Display name')).toHaveValue('web');
    await next(dialog);
    await within(dialog).findByLabelText('memory');
    await next(dialog);
    expect(within(dialog).getByText('No limits')).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );

    await screen.findByText('Team page of web');
    expect(api.createTeam).toHaveBeenCalledWith({
      groupRef: 'group:default/web',
      name: 'web',
      displayName: 'web',
      pool: 'shared',
    });
  });

  it('keeps a name the user typed when another group is chosen', async () => {
    const { dialog } = await openWizard();
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Group' }),
      'group:default/web',
    );
    await userEvent.clear(field(dialog, 'Name'));
    await userEvent.type(field(dialog, 'Name'), 'frontend');
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Group' }),
      'group:default/data',
    );
    expect(field(dialog, 'Name')).toHaveValue('frontend');
    expect(field(dialog, 'Display name')).toHaveValue('Data Platform');
  });

  it('does not move on without a group or with an invalid name', async () => {
    const api = mockBisonApi({ listTeams: async () => [] });
    const { dialog } = await openWizard(api);
    await next(dialog);
    expect(within(dialog).getByText('choose a group')).toBeInTheDocument();

    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Group' }),
      'group:default/data',
    );
    await userEvent.clear(field(dialog, 'Name'));
    await userEvent.type(field(dialog, 'Name'), 'Data_Team');
    await next(dialog);
    expect(
      within(dialog).getByText(/must consist of lowercase letters/),
    ).toBeInTheDocument();
    expect(within(dialog).queryByLabelText('memory')).not.toBeInTheDocument();
  });

  it('does not move on with an invalid quota', async () => {
    const { dialog } = await openWizard();
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Group' }),
      'group:default/data',
    );
    await next(dialog);
    await userEvent.type(
      await within(dialog).findByLabelText('nvidia.com/gpu'),
      '0.5',
    );
    await next(dialog);
    expect(
      within(dialog).getByText('must be a whole number'),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText('nvidia.com/gpu')).toBeInTheDocument();
  });

  it('offers groups that already have a team as disabled', async () => {
    const api = mockBisonApi({
      listTeams: async () => [
        aTeam({ groupRef: 'group:default/machine-learning' }),
      ],
    });
    const { dialog } = await openWizard(api);
    expect(
      within(dialog).getByRole('option', { name: /Machine Learning/ }),
    ).toBeDisabled();
    expect(
      within(dialog).getByRole('option', { name: /Data Platform/ }),
    ).toBeEnabled();
  });

  it('shows the backend error on the review step and stays open', async () => {
    const api = mockBisonApi({ listTeams: async () => [] });
    api.createTeam.mockRejectedValueOnce(
      await responseError(409, "team 'data' already exists", 'ConflictError'),
    );
    const { dialog } = await openWizard(api);
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Group' }),
      'group:default/data',
    );
    await next(dialog);
    await within(dialog).findByLabelText('memory');
    await next(dialog);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );

    expect(
      await within(dialog).findByText("team 'data' already exists"),
    ).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(screen.queryByText(/Team page of/)).not.toBeInTheDocument();
  });

  it('goes back without losing what was typed', async () => {
    const { dialog } = await openWizard();
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Group' }),
      'group:default/data',
    );
    await next(dialog);
    await userEvent.type(await within(dialog).findByLabelText('memory'), '8');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Back' }));
    expect(field(dialog, 'Name')).toHaveValue('data');
    await next(dialog);
    expect(within(dialog).getByLabelText('memory')).toHaveValue('8');
    await waitFor(() =>
      expect(within(dialog).getByLabelText('memory unit')).toHaveValue('Gi'),
    );
  });
});
