import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ALLOW, DENY, renderWithApis } from '../../__testUtils__/apis';
import {
  aProject,
  mockBisonApi,
  responseError,
} from '../../__testUtils__/fixtures';
import { ProjectsCard } from './ProjectsCard';

// Typing into MUI dialogs takes seconds when the CI machine is busy.
const training = aProject('ml-training', {
  displayName: 'Training',
  description: 'GPU training jobs',
  quota: {
    hard: { 'requests.nvidia.com/gpu': '4', 'requests.memory': '64Gi' },
    used: { 'requests.nvidia.com/gpu': '1', 'requests.memory': '12Gi' },
  },
});
const serving = aProject('ml-serving', { phase: 'Terminating' });

function apiWithProjects() {
  return mockBisonApi({ listTeamProjects: async () => [training, serving] });
}

async function openCreateDialog() {
  await userEvent.click(
    await screen.findByRole('button', { name: 'Create project' }),
  );
  const dialog = await screen.findByRole('dialog', { name: 'Create project' });
  await within(dialog).findByLabelText('memory');
  return dialog;
}

// usePermission caches decisions per team for the whole file, so tests that
// expect another decision use another team.
describe('ProjectsCard', () => {
  it('lists the projects with their phase and quota use', async () => {
    const api = apiWithProjects();
    await renderWithApis(<ProjectsCard team="ml-team" />, { bison: api });

    const row = await screen.findByTestId('project-ml-training');
    expect(row).toHaveTextContent('Training');
    expect(row).toHaveTextContent('GPU training jobs');
    expect(row).toHaveTextContent('Active');
    expect(row).toHaveTextContent('1 / 4 devices');
    expect(row).toHaveTextContent('12 / 64 GiB');
    const other = screen.getByTestId('project-ml-serving');
    expect(other).toHaveTextContent('Terminating');
    expect(other).toHaveTextContent('No quota');
    expect(api.listTeamProjects).toHaveBeenCalledWith('ml-team');
  });

  it('says so when the team has no project', async () => {
    await renderWithApis(<ProjectsCard team="ml-team" />, {
      bison: mockBisonApi(),
    });
    expect(
      await screen.findByText('This team has no projects yet.'),
    ).toBeInTheDocument();
  });

  it('asks for the project permissions of this team', async () => {
    const requests: unknown[] = [];
    await renderWithApis(<ProjectsCard team="audited-team" />, {
      bison: apiWithProjects(),
      authorize: request => {
        requests.push(request);
        return ALLOW;
      },
    });
    expect(
      await screen.findByRole('button', { name: 'Create project' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'Delete project ml-training' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Edit project ml-training' }),
    ).toBeInTheDocument();
    for (const name of [
      'bison.project.create',
      'bison.project.update',
      'bison.project.delete',
    ]) {
      expect(requests).toContainEqual(
        expect.objectContaining({
          permission: expect.objectContaining({ name }),
          resourceRef: 'audited-team',
        }),
      );
    }
  });

  it('hides create, edit and delete without the permissions', async () => {
    const authorize = jest.fn(() => DENY);
    await renderWithApis(<ProjectsCard team="readonly-team" />, {
      bison: apiWithProjects(),
      authorize,
    });
    await screen.findByTestId('project-ml-training');
    await waitFor(() => expect(authorize).toHaveBeenCalledTimes(3));
    await act(() => new Promise(resolve => setTimeout(resolve, 0)));
    expect(
      screen.queryByRole('button', { name: 'Create project' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Delete project/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Edit project/ }),
    ).not.toBeInTheDocument();
  });

  it('creates a project with a display name, a description and a quota, then reloads', async () => {
    const api = apiWithProjects();
    const onChanged = jest.fn();
    await renderWithApis(
      <ProjectsCard team="ml-team" onChanged={onChanged} />,
      { bison: api },
    );
    const dialog = await openCreateDialog();

    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Name' }),
      'ml-eval',
    );
    await userEvent.type(
      within(dialog).getByLabelText('Display name'),
      ' Evaluation ',
    );
    await userEvent.type(
      within(dialog).getByLabelText('Description'),
      'Nightly evals',
    );
    await userEvent.type(within(dialog).getByLabelText('memory'), '16');
    await userEvent.type(within(dialog).getByLabelText('nvidia.com/gpu'), '1');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );

    await waitFor(() =>
      expect(api.createProject).toHaveBeenCalledWith('ml-team', {
        name: 'ml-eval',
        displayName: 'Evaluation',
        description: 'Nightly evals',
        quota: {
          hard: { 'requests.memory': '16Gi', 'requests.nvidia.com/gpu': '1' },
        },
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.listTeamProjects).toHaveBeenCalledTimes(2);
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('sends only the name when nothing else is filled in', async () => {
    const api = apiWithProjects();
    await renderWithApis(<ProjectsCard team="ml-team" />, { bison: api });
    const dialog = await openCreateDialog();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Name' }),
      'scratch',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );
    await waitFor(() =>
      expect(api.createProject).toHaveBeenCalledWith('ml-team', {
        name: 'scratch',
      }),
    );
  });

  it.each([
    [
      'ML_Eval',
      "must consist of lowercase letters, digits and '-', and start and end with a letter or digit",
    ],
    ['kube-system', "'kube-system' is reserved"],
  ])('refuses the name %p before sending', async (name, message) => {
    const api = apiWithProjects();
    await renderWithApis(<ProjectsCard team="ml-team" />, { bison: api });
    const dialog = await openCreateDialog();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Name' }),
      name,
    );
    expect(within(dialog).getByText(message)).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );
    expect(api.createProject).not.toHaveBeenCalled();
  });

  it('refuses an empty name and an invalid quota before sending', async () => {
    const api = apiWithProjects();
    await renderWithApis(<ProjectsCard team="ml-team" />, { bison: api });
    const dialog = await openCreateDialog();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );
    expect(within(dialog).getByText('must not be empty')).toBeInTheDocument();

    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Name' }),
      'ok-name',
    );
    await userEvent.type(within(dialog).getByLabelText('pods'), '2.5');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );
    expect(
      within(dialog).getByText('must be a whole number'),
    ).toBeInTheDocument();
    expect(api.createProject).not.toHaveBeenCalled();
  });

  it('shows the backend error in the dialog', async () => {
    const api = apiWithProjects();
    api.createProject.mockRejectedValueOnce(
      await responseError(
        409,
        "namespace 'ml-training' already exists",
        'ConflictError',
      ),
    );
    await renderWithApis(<ProjectsCard team="ml-team" />, { bison: api });
    const dialog = await openCreateDialog();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Name' }),
      'ml-training',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );
    expect(
      await within(dialog).findByText("namespace 'ml-training' already exists"),
    ).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('edits the display name and description', async () => {
    const api = apiWithProjects();
    await renderWithApis(<ProjectsCard team="ml-team" />, { bison: api });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit project ml-training' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit project ml-training',
    });
    const displayName = within(dialog).getByLabelText('Display name');
    expect(displayName).toHaveValue('Training');
    await userEvent.clear(displayName);
    await userEvent.type(displayName, 'Model training');
    await userEvent.clear(within(dialog).getByLabelText('Description'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.updateProject).toHaveBeenCalledWith('ml-team', 'ml-training', {
        displayName: 'Model training',
        description: '',
      }),
    );
    await waitFor(() => expect(api.listTeamProjects).toHaveBeenCalledTimes(2));
  });

  it('deletes a project only once its name is typed', async () => {
    const api = apiWithProjects();
    await renderWithApis(<ProjectsCard team="ml-team" />, { bison: api });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete project ml-training' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Delete project ml-training',
    });
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    expect(confirm).toBeDisabled();

    await userEvent.type(
      within(dialog).getByLabelText('Project name'),
      'ml-serving',
    );
    expect(confirm).toBeDisabled();
    await userEvent.clear(within(dialog).getByLabelText('Project name'));
    await userEvent.type(
      within(dialog).getByLabelText('Project name'),
      'ml-training',
    );
    expect(confirm).toBeEnabled();
    await userEvent.click(confirm);

    await waitFor(() =>
      expect(api.deleteProject).toHaveBeenCalledWith('ml-team', 'ml-training'),
    );
    expect(api.deleteProject).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(api.listTeamProjects).toHaveBeenCalledTimes(2));
  });

  it('shows why a deletion failed', async () => {
    const api = apiWithProjects();
    api.deleteProject.mockRejectedValueOnce(
      await responseError(403, 'not allowed', 'NotAllowedError'),
    );
    await renderWithApis(<ProjectsCard team="ml-team" />, { bison: api });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete project ml-serving' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Delete project ml-serving',
    });
    await userEvent.type(
      within(dialog).getByLabelText('Project name'),
      'ml-serving',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Delete' }),
    );
    expect(await within(dialog).findByText('not allowed')).toBeInTheDocument();
  });
});
