import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/apis';
import {
  aProjectReport,
  aProjectReportRow,
  aTeamReport,
  aTeamReportRow,
  mockBisonApi,
  responseError,
} from '../../__testUtils__/fixtures';
import { BisonApi, ReportRange } from '../../api';
import { downloadBlob } from '../shared/downloadBlob';
import { ReportsPage } from './ReportsPage';

jest.mock('../shared/downloadBlob', () => ({ downloadBlob: jest.fn() }));

const DAY = 24 * 3600 * 1000;

const teamReport = aTeamReport({
  previousFrom: '2026-01-09T14:25:00.000Z',
  previousTo: '2026-02-08T14:25:00.000Z',
  total: '180.00',
  unallocated: '12.00',
  previousTotal: '150.00',
  teams: [
    aTeamReportRow('ml-team', {
      displayName: 'Machine Learning',
      cost: '100.00',
      sharePercent: '59.5',
      previousCost: '68.00',
      change: '32.00',
      changePercent: '47.1',
      balance: '1234.50',
      state: 'active',
    }),
    aTeamReportRow('data-team', {
      displayName: 'Data',
      cost: '56.00',
      sharePercent: '33.3',
      previousCost: '70.00',
      change: '-14.00',
      changePercent: '-20.0',
      balance: '-5.00',
      state: 'overdue',
    }),
    aTeamReportRow('new-team', {
      cost: '12.00',
      sharePercent: '7.1',
      previousCost: '0.00',
      change: '12.00',
      changePercent: null,
      balance: null,
      state: null,
    }),
  ],
});

const projectReport = aProjectReport({
  total: '180.00',
  unallocated: '12.00',
  projects: [
    aProjectReportRow('ml-training', {
      team: 'ml-team',
      cost: '100.00',
      sharePercent: '55.6',
    }),
    aProjectReportRow('data-etl', {
      team: 'data-team',
      cost: '56.00',
      sharePercent: '31.1',
    }),
    aProjectReportRow('scratch', {
      team: null,
      cost: '12.00',
      sharePercent: '6.7',
    }),
    aProjectReportRow('new-svc', {
      team: 'new-team',
      cost: '12.00',
      sharePercent: '6.7',
    }),
  ],
});

function reportsApi(overrides: Partial<BisonApi> = {}) {
  return mockBisonApi({
    getTeamReport: async () => teamReport,
    getProjectReport: async () => projectReport,
    ...overrides,
  });
}

function lastRange(mock: { mock: { calls: [ReportRange?][] } }): ReportRange {
  const calls = mock.mock.calls;
  return calls[calls.length - 1][0] ?? {};
}

function utcMonthStart(monthsBack: number): string {
  const now = new Date();
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1),
  ).toISOString();
}

function rowOf(table: HTMLElement, link: string): HTMLElement {
  return within(table).getByRole('link', { name: link }).closest('tr')!;
}

// usePermission caches decisions for the whole file; the denied member is
// in ReportsPage.denied.test.tsx.
describe('ReportsPage', () => {
  beforeEach(() => jest.mocked(downloadBlob).mockClear());

  it('reads both reports for the last 30 days up to now by default', async () => {
    const api = reportsApi();
    await renderWithApis(<ReportsPage />, { bison: api });

    expect(
      await screen.findByRole('heading', { name: 'Reports' }),
    ).toBeInTheDocument();
    await screen.findByTestId('team-ranking');
    const range = lastRange(api.getTeamReport);
    expect(Date.parse(range.to!) - Date.parse(range.from!)).toBe(30 * DAY);
    expect(Math.abs(Date.parse(range.to!) - Date.now())).toBeLessThan(60_000);
    expect(api.getProjectReport).toHaveBeenCalledWith(range);
    expect(
      screen.getByRole('button', { name: 'Last 30 days' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('report-period')).toHaveTextContent(
      `${range.from!.slice(0, 10)} ${range.from!.slice(11, 16)} to`,
    );
    expect(screen.getByRole('link', { name: 'All teams' })).toHaveAttribute(
      'href',
      '/bison',
    );
  });

  it('asks for the period of each preset', async () => {
    const api = reportsApi();
    await renderWithApis(<ReportsPage />, { bison: api });
    await screen.findByTestId('team-ranking');

    await userEvent.click(screen.getByRole('button', { name: 'Last 7 days' }));
    await waitFor(() => expect(api.getTeamReport).toHaveBeenCalledTimes(2));
    let range = lastRange(api.getTeamReport);
    expect(Date.parse(range.to!) - Date.parse(range.from!)).toBe(7 * DAY);

    await userEvent.click(screen.getByRole('button', { name: 'Last 90 days' }));
    await waitFor(() => expect(api.getTeamReport).toHaveBeenCalledTimes(3));
    range = lastRange(api.getTeamReport);
    expect(Date.parse(range.to!) - Date.parse(range.from!)).toBe(90 * DAY);

    await userEvent.click(
      screen.getByRole('button', { name: 'Month to date' }),
    );
    await waitFor(() => expect(api.getTeamReport).toHaveBeenCalledTimes(4));
    range = lastRange(api.getTeamReport);
    expect(range.from).toBe(utcMonthStart(0));
    expect(Math.abs(Date.parse(range.to!) - Date.now())).toBeLessThan(60_000);

    await userEvent.click(screen.getByRole('button', { name: 'Last month' }));
    await waitFor(() => expect(api.getTeamReport).toHaveBeenCalledTimes(5));
    expect(lastRange(api.getTeamReport)).toEqual({
      from: utcMonthStart(1),
      to: utcMonthStart(0),
    });
    expect(lastRange(api.getProjectReport)).toEqual({
      from: utcMonthStart(1),
      to: utcMonthStart(0),
    });
    expect(screen.getByTestId('report-period')).toHaveTextContent(
      `${utcMonthStart(1).slice(0, 10)} 00:00 to ${utcMonthStart(0).slice(
        0,
        10,
      )} 00:00 UTC`,
    );
  });

  it('ranks the teams with their share, change, balance and state', async () => {
    await renderWithApis(<ReportsPage />, { bison: reportsApi() });
    const table = await screen.findByTestId('team-ranking');

    expect(screen.getByTestId('report-total')).toHaveTextContent('$180.00');
    expect(screen.getByTestId('report-previous-total')).toHaveTextContent(
      '$150.00',
    );
    expect(screen.getByTestId('report-unallocated')).toHaveTextContent(
      '$12.00',
    );

    const ml = rowOf(table, 'ml-team');
    expect(ml).toHaveTextContent('1');
    expect(ml).toHaveTextContent('Machine Learning');
    expect(ml).toHaveTextContent('$100.00');
    expect(
      within(ml).getByRole('progressbar', { name: 'Share of ml-team' }),
    ).toHaveAttribute('aria-valuetext', '59.5%');
    expect(ml).toHaveTextContent('59.5%');
    expect(ml.querySelector('[data-change]')).toHaveAttribute(
      'data-change',
      'up',
    );
    expect(ml).toHaveTextContent('+$32.00(+47.1%)');
    expect(within(ml).getByTitle('Up')).toBeInTheDocument();
    expect(ml).toHaveTextContent('$1,234.50');
    expect(within(ml).getByTestId('wallet-state')).toHaveTextContent('Active');
    expect(within(ml).getByRole('link', { name: 'ml-team' })).toHaveAttribute(
      'href',
      '/bison/teams/ml-team',
    );

    const data = rowOf(table, 'data-team');
    expect(data.querySelector('[data-change]')).toHaveAttribute(
      'data-change',
      'down',
    );
    expect(data).toHaveTextContent('-$14.00(-20.0%)');
    expect(within(data).getByTitle('Down')).toBeInTheDocument();
    expect(data).toHaveTextContent('-$5.00');
    expect(within(data).getByTestId('wallet-state')).toHaveTextContent(
      'Overdue',
    );

    const fresh = rowOf(table, 'new-team');
    expect(fresh).toHaveTextContent('+$12.00(new)');
    expect(fresh).toHaveTextContent('—');
    expect(within(fresh).queryByTestId('wallet-state')).not.toBeInTheDocument();
  });

  it('compares the costliest teams with the previous period in a chart', async () => {
    await renderWithApis(<ReportsPage />, { bison: reportsApi() });
    const chart = await screen.findByRole('img', {
      name: 'Cost per team, this period and the previous one',
    });
    expect(chart.querySelectorAll('.recharts-bar')).toHaveLength(2);
    expect(within(chart).getByText('This period')).toBeInTheDocument();
    expect(within(chart).getByText('Previous period')).toBeInTheDocument();
    // One bar per team and period.
    expect(chart.querySelectorAll('path.recharts-rectangle')).toHaveLength(5);
  });

  it('lists every namespace, highlighting those of no team', async () => {
    await renderWithApis(<ReportsPage />, { bison: reportsApi() });
    const table = await screen.findByTestId('project-report');

    expect(screen.getByTestId('unallocated-summary')).toHaveTextContent(
      '$12.00 of usage in 1 namespace of no team',
    );
    const scratch = within(table).getByText('scratch').closest('tr')!;
    expect(within(scratch).getByTestId('unallocated')).toHaveTextContent(
      'Unallocated',
    );
    expect(scratch.getAttribute('style')).toContain('background-color');
    expect(scratch).toHaveTextContent('$12.00');
    expect(scratch).toHaveTextContent('6.7%');

    const training = within(table).getByText('ml-training').closest('tr')!;
    expect(
      within(training).getByRole('link', { name: 'ml-team' }),
    ).toHaveAttribute('href', '/bison/teams/ml-team');
    expect(within(training).queryByTestId('unallocated')).toBeNull();
    expect(training.getAttribute('style') ?? '').not.toContain(
      'background-color',
    );
  });

  it('downloads both reports as CSV for the period shown', async () => {
    const teamsCsv = new Blob(['team\n']);
    const projectsCsv = new Blob(['project\n']);
    const api = reportsApi({
      downloadTeamReportCsv: async () => teamsCsv,
      downloadProjectReportCsv: async () => projectsCsv,
    });
    await renderWithApis(<ReportsPage />, { bison: api });
    await screen.findByTestId('team-ranking');
    await userEvent.click(screen.getByRole('button', { name: 'Last month' }));
    await waitFor(() => expect(api.getTeamReport).toHaveBeenCalledTimes(2));
    await screen.findByTestId('team-ranking');
    const range = { from: utcMonthStart(1), to: utcMonthStart(0) };
    const days = `${range.from.slice(0, 10)}-to-${range.to.slice(0, 10)}`;

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Download CSV of the team report',
      }),
    );
    await waitFor(() =>
      expect(downloadBlob).toHaveBeenCalledWith(
        teamsCsv,
        `bison-teams-report-${days}.csv`,
      ),
    );
    expect(api.downloadTeamReportCsv).toHaveBeenCalledWith(range);

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Download CSV of the project report',
      }),
    );
    await waitFor(() =>
      expect(downloadBlob).toHaveBeenCalledWith(
        projectsCsv,
        `bison-projects-report-${days}.csv`,
      ),
    );
    expect(api.downloadProjectReportCsv).toHaveBeenCalledWith(range);
  });

  it('shows a failed CSV download', async () => {
    const error = await responseError(
      400,
      'the range may span at most 400 days',
    );
    const api = reportsApi({
      downloadTeamReportCsv: async () => {
        throw error;
      },
    });
    await renderWithApis(<ReportsPage />, { bison: api });
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Download CSV of the team report',
      }),
    );
    expect(
      await screen.findByText('the range may span at most 400 days'),
    ).toBeInTheDocument();
    expect(downloadBlob).not.toHaveBeenCalled();
  });

  it('says so when nothing was billed in the period', async () => {
    await renderWithApis(<ReportsPage />, { bison: mockBisonApi() });
    expect(
      await screen.findByText('No usage in this period'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('team-ranking')).not.toBeInTheDocument();
    // The period can still be changed.
    expect(
      screen.getByRole('button', { name: 'Last 90 days' }),
    ).toBeInTheDocument();
  });

  it('shows a backend error instead of the reports', async () => {
    await renderWithApis(<ReportsPage />, {
      bison: reportsApi({
        getProjectReport: async () => {
          throw new Error('backend unavailable');
        },
      }),
    });
    expect(
      (await screen.findAllByText(/backend unavailable/))[0],
    ).toBeInTheDocument();
    expect(screen.queryByTestId('team-ranking')).not.toBeInTheDocument();
  });

  it('shows the reconciliation below the reports', async () => {
    const api = reportsApi();
    await renderWithApis(<ReportsPage />, { bison: api });
    await screen.findByTestId('team-ranking');
    expect(
      await screen.findByTestId('reconciliation-last-check'),
    ).toHaveTextContent(/^Last checked/);
    expect(screen.getByTestId('difference-3')).toBeInTheDocument();
    expect(api.getReconciliation).toHaveBeenCalledWith({ status: 'open' });
  });

  it('explains a refusal by the backend (403) rather than showing an error', async () => {
    const forbidden = await responseError(
      403,
      'Unauthorized',
      'NotAllowedError',
    );
    await renderWithApis(<ReportsPage />, {
      bison: reportsApi({
        getTeamReport: async () => {
          throw forbidden;
        },
      }),
    });
    expect(
      await screen.findByText('You are not allowed to read reports'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Unauthorized')).not.toBeInTheDocument();
  });
});
