import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../../__testUtils__/apis';
import {
  aStatement,
  mockBisonApi,
  responseError,
} from '../../../__testUtils__/fixtures';
import { BisonApi } from '../../../api';
import { downloadBlob } from '../../shared/downloadBlob';
import { StatementPage } from './StatementPage';

jest.mock('../../shared/downloadBlob', () => ({ downloadBlob: jest.fn() }));

function renderPage(api: Partial<BisonApi>, month = '2026-02') {
  return renderWithApis(<StatementPage team="ml-team" month={month} />, {
    bison: api,
  });
}

describe('StatementPage', () => {
  beforeEach(() => jest.mocked(downloadBlob).mockClear());

  it('heads the statement with the team, group, period and currency', async () => {
    const api = mockBisonApi({ getTeamStatement: async () => aStatement() });
    await renderPage(api);

    expect(
      await screen.findByRole('heading', {
        name: 'Statement for February 2026',
      }),
    ).toBeInTheDocument();
    expect(api.getTeamStatement).toHaveBeenCalledWith('ml-team', '2026-02');
    expect(
      screen.getByText(
        'Machine Learning · Team ml-team · group:default/machine-learning',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Machine Learning (ml-team)')).toBeInTheDocument();
    expect(
      screen.getByText('group:default/machine-learning'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('1 February 2026 – 28 February 2026 (UTC)'),
    ).toBeInTheDocument();
    expect(screen.getByText('USD ($)')).toBeInTheDocument();
    expect(screen.getByText('Closed')).toBeInTheDocument();
    expect(screen.queryByTestId('preliminary')).not.toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Back to Machine Learning' }),
    ).toHaveAttribute('href', '/bison/teams/ml-team');
  });

  it('reconciles the opening balance through the totals to the closing balance', async () => {
    await renderPage(
      mockBisonApi({ getTeamStatement: async () => aStatement() }),
    );
    const summary = await screen.findByRole('table', { name: 'Summary' });
    const amounts = within(summary)
      .getAllByRole('row')
      .map(row => row.textContent);
    expect(amounts).toEqual([
      'Opening balance$100.00',
      'Recharges (1)+$1,000.00',
      'Auto-recharges (1)+$250.00',
      'Refunds (1)+$10.00',
      'Imports (0)$0.00',
      'Adjustments (1)+$15.00',
      'Usage-$140.50',
      'Closing balance$1,234.50',
    ]);
    expect(screen.getByTestId('statement-closing-balance')).toHaveTextContent(
      '$1,234.50',
    );
  });

  it('shows the usage by project, by resource and line by line', async () => {
    await renderPage(
      mockBisonApi({ getTeamStatement: async () => aStatement() }),
    );
    const byProject = await screen.findByRole('table', {
      name: 'Usage by project',
    });
    expect(
      within(byProject)
        .getAllByRole('row')
        .slice(1)
        .map(row => row.textContent),
    ).toEqual(['ml-training$120.25', 'ml-serving$20.25']);
    const byResource = screen.getByRole('table', { name: 'Usage by resource' });
    expect(within(byResource).getAllByRole('row')[1]).toHaveTextContent(
      'nvidia.com/gpu:NVIDIA-A100-SXM4-80GB48 device-hours$120.00',
    );
    expect(within(byResource).getAllByRole('row')[2]).toHaveTextContent(
      'cpu512.5 core-hours$20.50',
    );
    const lines = screen.getByRole('table', { name: 'Usage lines' });
    expect(within(lines).getAllByRole('row')).toHaveLength(4);
    expect(within(lines).getAllByRole('row')[3]).toHaveTextContent(
      'ml-servingcpu506.25 core-hours$20.25',
    );
  });

  it('lists the credits and corrections in booking order', async () => {
    await renderPage(
      mockBisonApi({ getTeamStatement: async () => aStatement() }),
    );
    const table = await screen.findByRole('table', {
      name: 'Credits and corrections',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(row => row.getAttribute('data-testid'))).toEqual([
      'entry-11',
      'entry-21',
      'entry-25',
      'entry-30',
    ]);
    expect(rows[0]).toHaveTextContent('Recharge');
    expect(rows[0]).toHaveTextContent('Q1 budget');
    expect(rows[0]).toHaveTextContent('+$1,000.00');
    expect(rows[0]).toHaveTextContent('$1,080.00');
    expect(rows[1]).toHaveTextContent('Adjustment');
    expect(rows[1]).toHaveTextContent('credit for the outage');
    expect(rows[3]).toHaveTextContent('Auto-recharge');
    expect(rows[3]).toHaveTextContent('bison:auto-recharge');
  });

  it('shows the ledger range and its SHA-256, with a copy button', async () => {
    const statement = aStatement();
    await renderPage(mockBisonApi({ getTeamStatement: async () => statement }));
    const hash = await screen.findByTestId('ledger-sha256');
    expect(hash).toHaveTextContent(statement.ledger.sha256);
    expect(hash.tagName).toBe('CODE');
    expect(screen.getByTestId('ledger-entries')).toHaveTextContent(
      '34 ledger entries, ids 10 to 43',
    );
    expect(
      screen.getByRole('button', { name: 'Copy SHA-256' }),
    ).toBeInTheDocument();
  });

  it('marks a month still running as preliminary', async () => {
    await renderPage(
      mockBisonApi({
        getTeamStatement: async () =>
          aStatement({
            month: '2026-03',
            periodStart: '2026-03-01T00:00:00.000Z',
            periodEnd: '2026-04-01T00:00:00.000Z',
            preliminary: true,
          }),
      }),
      '2026-03',
    );
    expect(await screen.findByTestId('preliminary')).toHaveTextContent(
      'Preliminary',
    );
    expect(screen.getByText(/This month is still running/)).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Summary' })).getByText(
        'Balance so far',
      ),
    ).toBeInTheDocument();
  });

  it('says so for a month of usage only, or without usage', async () => {
    await renderPage(
      mockBisonApi({
        getTeamStatement: async () =>
          aStatement({
            recharges: [],
            autoRecharges: [],
            adjustments: [],
            refunds: [],
            imports: [],
            usage: { byProject: [], byResource: [], lines: [] },
          }),
      }),
    );
    expect(
      await screen.findByTestId('statement-no-entries'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('statement-no-usage')).toBeInTheDocument();
  });

  it('downloads the statement as CSV and PDF', async () => {
    const csv = new Blob(['section,date\n']);
    const pdf = new Blob(['%PDF-1.7']);
    const api = mockBisonApi({
      getTeamStatement: async () => aStatement(),
      downloadTeamStatement: async (_team, _month, format) =>
        format === 'pdf' ? pdf : csv,
    });
    await renderPage(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Download CSV' }),
    );
    await waitFor(() =>
      expect(downloadBlob).toHaveBeenCalledWith(
        csv,
        'ml-team-statement-2026-02.csv',
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Download PDF' }));
    await waitFor(() =>
      expect(downloadBlob).toHaveBeenCalledWith(
        pdf,
        'ml-team-statement-2026-02.pdf',
      ),
    );
    expect(api.downloadTeamStatement.mock.calls).toEqual([
      ['ml-team', '2026-02', 'csv'],
      ['ml-team', '2026-02', 'pdf'],
    ]);
  });

  it('says so when the month has no statement', async () => {
    const notFound = await responseError(404, 'no statement', 'NotFoundError');
    await renderPage(
      mockBisonApi({
        getTeamStatement: async () => {
          throw notFound;
        },
      }),
      '1999-01',
    );
    expect(await screen.findByText('No such statement')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Download PDF' }),
    ).not.toBeInTheDocument();
  });

  it('says so when the user may not read the team', async () => {
    const forbidden = await responseError(
      403,
      'Unauthorized',
      'NotAllowedError',
    );
    await renderPage(
      mockBisonApi({
        getTeamStatement: async () => {
          throw forbidden;
        },
      }),
    );
    expect(
      await screen.findByText('You do not have access to this team'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Back to ml-team' }),
    ).toHaveAttribute('href', '/bison/teams/ml-team');
  });
});
