import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/apis';
import {
  aProject,
  aTeamUsage,
  mockBisonApi,
  responseError,
} from '../../__testUtils__/fixtures';
import { BisonApi } from '../../api';
import { EntityBisonProjectCard } from './EntityBisonProjectCard';
import { isBisonProjectAvailable } from './isBisonProjectAvailable';

function component(annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'model-training', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'ml-team' },
  };
}

const annotated = component({ 'bison.io/project': 'ml-training' });

function renderFor(entity: Entity, bison: Partial<BisonApi>) {
  return renderWithApis(
    <EntityProvider entity={entity}>
      <EntityBisonProjectCard />
    </EntityProvider>,
    { bison },
  );
}

describe('EntityBisonProjectCard', () => {
  it("shows the project's team, display name and quota use", async () => {
    const api = mockBisonApi({
      getProject: async name =>
        aProject(name, {
          team: 'ml-team',
          displayName: 'Model training',
          quota: {
            hard: { 'requests.memory': '64Gi', 'requests.nvidia.com/gpu': '4' },
            used: { 'requests.memory': '12Gi', 'requests.nvidia.com/gpu': '4' },
          },
        }),
    });
    await renderFor(annotated, api);

    expect(
      await screen.findByRole('link', { name: 'ml-team' }),
    ).toHaveAttribute('href', '/bison/teams/ml-team');
    expect(screen.getByText('Model training')).toBeInTheDocument();
    expect(screen.getByText('12 / 64 GiB')).toBeInTheDocument();
    expect(screen.getByText('4 / 4 devices')).toBeInTheDocument();
    expect(api.getProject).toHaveBeenCalledWith('ml-training');
  });

  it("shows the project's cost over the last 30 days", async () => {
    const api = mockBisonApi({
      getProject: async name => aProject(name, { team: 'ml-team' }),
      getTeamUsage: async (team, query) => {
        const from = new Date(query!.from!);
        const day = (n: number) =>
          new Date(from.getTime() + n * 86_400_000).toISOString();
        return aTeamUsage({
          team,
          from: query!.from!,
          to: query!.to!,
          granularity: 'day',
          groupBy: 'project',
          buckets: [
            { start: day(1), key: 'ml-training', cost: '10.25' },
            { start: day(1), key: 'ml-serving', cost: '99.00' },
            { start: day(3), key: 'ml-training', cost: '2.000001' },
          ],
          totals: [
            { key: 'ml-serving', cost: '99.00' },
            { key: 'ml-training', cost: '12.250001' },
          ],
          total: '111.250001',
        });
      },
    });
    await renderFor(annotated, api);

    expect(await screen.findByTestId('project-cost-total')).toHaveTextContent(
      '$12.25',
    );
    await userEvent.hover(screen.getByText('$12.25'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Exactly $12.250001',
    );
    const chart = screen.getByRole('img', {
      name: 'Cost per day of ml-training',
    });
    expect(chart.querySelectorAll('path.recharts-rectangle')).toHaveLength(2);
    expect(api.getTeamUsage).toHaveBeenCalledWith(
      'ml-team',
      expect.objectContaining({ granularity: 'day', groupBy: 'project' }),
    );
    const { from, to } = api.getTeamUsage.mock.calls[0][1]!;
    expect((Date.parse(to!) - Date.parse(from!)) / 86_400_000).toBeGreaterThan(
      29,
    );
  });

  it('says so when the project has no usage yet', async () => {
    const api = mockBisonApi({
      getTeamUsage: async (team, query) =>
        aTeamUsage({
          team,
          groupBy: 'project',
          buckets: [
            { start: query!.from!, key: 'other-project', cost: '1.00' },
          ],
          totals: [{ key: 'other-project', cost: '1.00' }],
          total: '1.00',
        }),
    });
    await renderFor(annotated, api);
    expect(await screen.findByTestId('project-cost-empty')).toHaveTextContent(
      'No usage billed in the last 30 days.',
    );
    expect(screen.queryByTestId('project-cost-total')).toBeNull();
    await waitFor(() => expect(api.getTeamUsage).toHaveBeenCalledTimes(1));
  });

  it('says so when the namespace is not a Bison project', async () => {
    const notFound = await responseError(
      404,
      "project 'ml-training' not found",
      'NotFoundError',
    );
    await renderFor(
      annotated,
      mockBisonApi({
        getProject: async () => {
          throw notFound;
        },
      }),
    );
    expect(
      await screen.findByText(
        'The namespace ml-training is not a Bison project.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/not found/)).not.toBeInTheDocument();
  });

  it('says so when the user may not see the project', async () => {
    const forbidden = await responseError(
      403,
      'not allowed',
      'NotAllowedError',
    );
    await renderFor(
      annotated,
      mockBisonApi({
        getProject: async () => {
          throw forbidden;
        },
      }),
    );
    expect(
      await screen.findByText(
        /You do not have access to the Bison project ml-training/,
      ),
    ).toBeInTheDocument();
  });

  it('shows other errors', async () => {
    const failure = await responseError(500, 'kubernetes is down', 'Error');
    await renderFor(
      annotated,
      mockBisonApi({
        getProject: async () => {
          throw failure;
        },
      }),
    );
    expect(
      (await screen.findAllByText(/kubernetes is down/))[0],
    ).toBeInTheDocument();
  });

  it('asks for the annotation instead of calling the backend without it', async () => {
    const api = mockBisonApi();
    await renderFor(component(), api);
    expect(
      await screen.findByText(/Annotate this component with bison.io\/project/),
    ).toBeInTheDocument();
    expect(api.getProject).not.toHaveBeenCalled();
  });
});

describe('isBisonProjectAvailable', () => {
  it('holds for components with a bison.io/project annotation only', () => {
    expect(isBisonProjectAvailable(annotated)).toBe(true);
    expect(isBisonProjectAvailable(component())).toBe(false);
    expect(
      isBisonProjectAvailable(component({ 'bison.io/project': ' ' })),
    ).toBe(false);
    expect(
      isBisonProjectAvailable({
        ...annotated,
        kind: 'Group',
        spec: { type: 'team', children: [] },
      }),
    ).toBe(false);
  });
});
