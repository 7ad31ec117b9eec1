import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { renderWithApis } from '../../__testUtils__/apis';
import {
  aProject,
  aTeam,
  mockBisonApi,
  responseError,
} from '../../__testUtils__/fixtures';
import { BisonApi } from '../../api';
import { EntityBisonContent } from './EntityBisonContent';

const annotatedGroup: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'machine-learning',
    annotations: { 'bison.io/tenant': 'ml-team' },
  },
  spec: { type: 'team', children: [] },
};

function renderFor(entity: Entity, bison: Partial<BisonApi>) {
  return renderWithApis(
    <EntityProvider entity={entity}>
      <EntityBisonContent />
    </EntityProvider>,
    { bison },
  );
}

describe('EntityBisonContent', () => {
  it("shows the wallet of the group's team from its bison.io/tenant annotation", async () => {
    const api = mockBisonApi();
    await renderFor(annotatedGroup, api);

    expect(await screen.findByTestId('wallet-balance')).toHaveTextContent(
      '$1,234.50',
    );
    expect(api.getTeam).toHaveBeenCalledWith('ml-team');
    expect(api.getWallet).toHaveBeenCalledWith('ml-team');
    expect(screen.getByText('Bison team')).toBeInTheDocument();
    expect(
      screen.getByText('group:default/machine-learning'),
    ).toBeInTheDocument();
    expect(screen.getByText('Machine Learning')).toBeInTheDocument();
  });

  it("shows the team's quota and projects", async () => {
    const api = mockBisonApi({
      listTeamProjects: async () => [aProject('ml-training')],
    });
    await renderFor(annotatedGroup, api);

    expect(await screen.findByTestId('team-quota')).toHaveTextContent(
      '12 / 64 GiB',
    );
    expect(
      await screen.findByTestId('project-ml-training'),
    ).toBeInTheDocument();
    expect(api.getTeamQuota).toHaveBeenCalledWith('ml-team');
    expect(api.listTeamProjects).toHaveBeenCalledWith('ml-team');
  });

  it("lists the team's monthly statements, linking to each", async () => {
    const api = mockBisonApi();
    await renderFor(annotatedGroup, api);

    expect(
      await screen.findByRole('link', { name: 'March 2026' }),
    ).toHaveAttribute('href', '/bison/teams/ml-team/statements/2026-03');
    expect(api.listTeamStatements).toHaveBeenCalledWith('ml-team');
    expect(screen.getByTestId('preliminary')).toBeInTheDocument();
  });

  it('defaults the team to the group name', async () => {
    const api = mockBisonApi({
      getTeam: async name =>
        aTeam({ name, groupRef: 'group:default/data-team' }),
    });
    await renderFor(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'data-team', namespace: 'default' },
        spec: { type: 'team', children: [] },
      },
      api,
    );
    expect(await screen.findByTestId('wallet-balance')).toBeInTheDocument();
    expect(api.getTeam).toHaveBeenCalledWith('data-team');
  });

  it('shows an empty state, not an error, when the group has no team', async () => {
    const notFound = await responseError(
      404,
      "team 'ml-team' not found",
      'NotFoundError',
    );
    const api = mockBisonApi({
      getTeam: async () => {
        throw notFound;
      },
    });
    await renderFor(annotatedGroup, api);

    expect(
      await screen.findByText('No Bison team for this group'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/not found/)).not.toBeInTheDocument();
    expect(screen.queryByTestId('wallet-balance')).not.toBeInTheDocument();
    expect(api.getWallet).not.toHaveBeenCalled();
    expect(api.getTeamQuota).not.toHaveBeenCalled();
    expect(api.listTeamProjects).not.toHaveBeenCalled();
  });

  it('says so when the user may not see the team', async () => {
    const forbidden = await responseError(
      403,
      "not allowed to bison.team.read on team 'ml-team'",
      'NotAllowedError',
    );
    await renderFor(
      annotatedGroup,
      mockBisonApi({
        getTeam: async () => {
          throw forbidden;
        },
      }),
    );
    expect(
      await screen.findByText('You do not have access to this team'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('No Bison team for this group'),
    ).not.toBeInTheDocument();
    expect(screen.queryByTestId('wallet-balance')).not.toBeInTheDocument();
  });

  it('shows other errors', async () => {
    const failure = await responseError(500, 'database is down', 'Error');
    await renderFor(
      annotatedGroup,
      mockBisonApi({
        getTeam: async () => {
          throw failure;
        },
      }),
    );
    expect(
      (await screen.findAllByText(/database is down/))[0],
    ).toBeInTheDocument();
  });
});
