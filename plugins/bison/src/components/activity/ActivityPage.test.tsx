import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { renderWithApis } from '../../__testUtils__/apis';
import {
  anActivityEntry,
  aTeam,
  mockBisonApi,
  responseError,
} from '../../__testUtils__/fixtures';
import { ActivityQuery, BisonApi } from '../../api';
import { ActivityPage } from './ActivityPage';
import { ACTIVITY_PAGE_SIZE } from './useActivityPages';

function Location() {
  const location = useLocation();
  return <p data-testid="location">{location.search}</p>;
}

function renderPage(api: Partial<BisonApi>, search = '') {
  return renderWithApis(
    <>
      <ActivityPage />
      <Location />
    </>,
    { bison: api, routeEntries: [`/bison/activity${search}`] },
  );
}

function lastQuery(api: jest.Mocked<BisonApi>): ActivityQuery | undefined {
  const calls = api.listActivity.mock.calls;
  return calls[calls.length - 1][0];
}

function activityApi(overrides: Partial<BisonApi> = {}) {
  return mockBisonApi({
    listTeams: async () => [
      aTeam(),
      aTeam({ name: 'data-team', displayName: 'Data' }),
    ],
    ...overrides,
  });
}

describe('ActivityPage', () => {
  it('lists the changes: time, actor, action, team and summary', async () => {
    const api = activityApi({
      listActivity: async () => ({
        items: [
          anActivityEntry('12', {
            occurredAt: '2026-03-02T10:00:00.000Z',
            actor: 'user:default/mia',
            action: 'project-create',
            subject: 'ml-training',
            summary: 'Created project ml-training',
          }),
          anActivityEntry('11', {
            actor: 'service:billing',
            action: 'prices-update',
            team: null,
            summary: 'Changed the prices',
            before: undefined,
            after: undefined,
          }),
        ],
      }),
    });
    await renderPage(api);

    const row = await screen.findByTestId('activity-12');
    expect(api.listActivity).toHaveBeenCalledWith({
      limit: ACTIVITY_PAGE_SIZE,
    });
    expect(
      screen.getByRole('heading', { name: 'Activity' }),
    ).toBeInTheDocument();
    expect(within(row).getByText('mia')).toHaveAttribute(
      'title',
      'user:default/mia',
    );
    expect(within(row).getByText('Project created')).toHaveAttribute(
      'title',
      'project-create',
    );
    expect(within(row).getByRole('link', { name: 'ml-team' })).toHaveAttribute(
      'href',
      '/bison/teams/ml-team',
    );
    expect(row).toHaveTextContent('Created project ml-training');
    expect(row.querySelector('time')).toHaveAttribute(
      'dateTime',
      '2026-03-02T10:00:00.000Z',
    );
    expect(row.querySelector('time')).toHaveTextContent(/ago\)$/);

    const installation = screen.getByTestId('activity-11');
    expect(installation).toHaveTextContent('service:billing');
    expect(installation).toHaveTextContent('Installation');
    expect(within(installation).queryByRole('link')).toBeNull();
    // Nothing kept to show.
    expect(within(installation).queryByRole('button')).toBeNull();
  });

  it('expands a change to what it replaced and what it made', async () => {
    await renderPage(activityApi());
    const toggle = await screen.findByRole('button', {
      name: 'Details of change 1',
    });
    expect(screen.queryByTestId('activity-before')).not.toBeInTheDocument();

    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByTestId('activity-before').textContent).toBe(
      '{\n  "balance": "10.00"\n}',
    );
    expect(screen.getByTestId('activity-after').textContent).toBe(
      '{\n  "balance": "110.00"\n}',
    );

    await userEvent.click(toggle);
    expect(screen.queryByTestId('activity-before')).not.toBeInTheDocument();
  });

  it('reads the filter from the query string', async () => {
    const api = activityApi();
    await renderPage(api, '?team=ml-team&action=wallet-recharge');

    await screen.findByTestId('activity-1');
    expect(api.listActivity).toHaveBeenCalledTimes(1);
    expect(lastQuery(api)).toEqual({
      team: 'ml-team',
      action: 'wallet-recharge',
      limit: ACTIVITY_PAGE_SIZE,
    });
    expect(screen.getByLabelText('Team')).toHaveValue('ml-team');
    expect(screen.getByLabelText('Action')).toHaveValue('wallet-recharge');
  });

  it('asks for what the filters say and keeps them in the query string', async () => {
    const api = activityApi();
    await renderPage(api);
    await screen.findByTestId('activity-1');

    await userEvent.selectOptions(screen.getByLabelText('Team'), 'data-team');
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        team: 'data-team',
        limit: ACTIVITY_PAGE_SIZE,
      }),
    );
    expect(screen.getByTestId('location')).toHaveTextContent('?team=data-team');

    await userEvent.selectOptions(
      screen.getByLabelText('Action'),
      'Wallet recharged',
    );
    await userEvent.type(screen.getByLabelText('Actor'), 'mia{Enter}');
    await userEvent.type(screen.getByLabelText('From'), '2026-03-01');
    await userEvent.type(screen.getByLabelText('To'), '2026-03-02');
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        team: 'data-team',
        actor: 'user:default/mia',
        action: 'wallet-recharge',
        from: '2026-03-01T00:00:00Z',
        to: '2026-03-03T00:00:00Z',
        limit: ACTIVITY_PAGE_SIZE,
      }),
    );
    expect(screen.getByTestId('location')).toHaveTextContent(
      '?team=data-team&actor=mia&action=wallet-recharge&from=2026-03-01&to=2026-03-02',
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({ limit: ACTIVITY_PAGE_SIZE }),
    );
    expect(screen.getByTestId('location')).toBeEmptyDOMElement();
    expect(screen.getByLabelText('Actor')).toHaveValue('');
  });

  it('applies the actor once typing pauses', async () => {
    const api = activityApi();
    await renderPage(api);
    await screen.findByTestId('activity-1');

    await userEvent.type(screen.getByLabelText('Actor'), 'user:ops/sam');
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        actor: 'user:ops/sam',
        limit: ACTIVITY_PAGE_SIZE,
      }),
    );
    // Not once per key.
    expect(api.listActivity.mock.calls.length).toBeLessThanOrEqual(3);
  });

  it('refuses a range that ends before it starts, asking nothing', async () => {
    const api = activityApi();
    await renderPage(api, '?from=2026-03-02&to=2026-03-01');
    expect(
      await screen.findByText("'To' must not be before 'From'"),
    ).toBeInTheDocument();
    expect(api.listActivity).not.toHaveBeenCalled();
  });

  it('appends older changes with the cursor of the last page', async () => {
    const api = activityApi({
      listActivity: async query =>
        query?.cursor === 'c2'
          ? { items: [anActivityEntry('5', { summary: 'Older change' })] }
          : {
              items: [anActivityEntry('6', { summary: 'Newer change' })],
              nextCursor: 'c2',
            },
    });
    await renderPage(api, '?team=ml-team');
    await screen.findByText('Newer change');

    await userEvent.click(screen.getByRole('button', { name: 'Load older' }));
    expect(await screen.findByText('Older change')).toBeInTheDocument();
    expect(screen.getByText('Newer change')).toBeInTheDocument();
    expect(lastQuery(api)).toEqual({
      team: 'ml-team',
      limit: ACTIVITY_PAGE_SIZE,
      cursor: 'c2',
    });
    // The last page.
    expect(
      screen.queryByRole('button', { name: 'Load older' }),
    ).not.toBeInTheDocument();
  });

  it('keeps the changes shown when an older page fails', async () => {
    const api = activityApi({
      listActivity: async query => {
        if (query?.cursor) throw new Error('backend unavailable');
        return { items: [anActivityEntry('6')], nextCursor: 'c2' };
      },
    });
    await renderPage(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Load older' }),
    );
    expect(await screen.findByText('backend unavailable')).toBeInTheDocument();
    expect(screen.getByTestId('activity-6')).toBeInTheDocument();
  });

  it('says when nothing was recorded yet', async () => {
    await renderPage(
      activityApi({ listActivity: async () => ({ items: [] }) }),
    );
    expect(
      await screen.findByText('No changes recorded yet'),
    ).toBeInTheDocument();
  });

  it('says when nothing matches the filters', async () => {
    await renderPage(
      activityApi({ listActivity: async () => ({ items: [] }) }),
      '?actor=nobody',
    );
    expect(
      await screen.findByText('No changes match these filters'),
    ).toBeInTheDocument();
  });

  it("says so when the member may not read the team's activity (403)", async () => {
    const forbidden = await responseError(
      403,
      'Unauthorized',
      'NotAllowedError',
    );
    await renderPage(
      activityApi({
        listActivity: async () => {
          throw forbidden;
        },
      }),
      '?team=secret-team',
    );
    expect(
      await screen.findByText(
        'You do not have access to the activity of secret-team',
      ),
    ).toBeInTheDocument();
    // The team filtered by stays selectable though the user cannot read it.
    expect(screen.getByLabelText('Team')).toHaveValue('secret-team');
    expect(screen.queryByText('Unauthorized')).not.toBeInTheDocument();
  });

  it('shows other errors', async () => {
    await renderPage(
      activityApi({
        listActivity: async () => {
          throw new Error('backend unavailable');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/backend unavailable/))[0],
    ).toBeInTheDocument();
  });
});
