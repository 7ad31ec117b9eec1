import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../../__testUtils__/apis';
import {
  aStatementMonths,
  mockBisonApi,
  responseError,
} from '../../../__testUtils__/fixtures';
import { BisonApi } from '../../../api';
import { downloadBlob } from '../../shared/downloadBlob';
import { StatementsCard } from './StatementsCard';

jest.mock('../../shared/downloadBlob', () => ({ downloadBlob: jest.fn() }));

function renderCard(api: Partial<BisonApi>) {
  return renderWithApis(<StatementsCard team="ml-team" />, { bison: api });
}

function rowOf(month: string): HTMLElement {
  return screen.getByRole('link', { name: month }).closest('tr')!;
}

describe('StatementsCard', () => {
  beforeEach(() => jest.mocked(downloadBlob).mockClear());

  it('lists the months newest first, the running one preliminary', async () => {
    const api = mockBisonApi({
      listTeamStatements: async () =>
        aStatementMonths({
          timeZone: 'Europe/Berlin',
          items: [
            { month: '2026-01', preliminary: false },
            { month: '2026-03', preliminary: true },
            { month: '2026-02', preliminary: false },
          ],
        }),
    });
    await renderCard(api);

    await screen.findByRole('link', { name: 'March 2026' });
    expect(api.listTeamStatements).toHaveBeenCalledWith('ml-team');
    const links = within(screen.getByTestId('statement-months')).getAllByRole(
      'link',
    );
    expect(links.map(link => link.textContent)).toEqual([
      'March 2026',
      'February 2026',
      'January 2026',
    ]);
    expect(links[0]).toHaveAttribute(
      'href',
      '/bison/teams/ml-team/statements/2026-03',
    );
    expect(links[1]).toHaveAttribute(
      'href',
      '/bison/teams/ml-team/statements/2026-02',
    );
    expect(
      within(rowOf('March 2026')).getByTestId('preliminary'),
    ).toHaveTextContent('Preliminary');
    expect(screen.getAllByTestId('preliminary')).toHaveLength(1);
    expect(rowOf('February 2026')).toHaveTextContent('Closed');
    expect(
      screen.getByText(/months start in Europe\/Berlin/),
    ).toBeInTheDocument();
  });

  it('downloads a month as CSV and as PDF', async () => {
    const csv = new Blob(['section,date\n']);
    const pdf = new Blob(['%PDF-1.7']);
    const api = mockBisonApi({
      downloadTeamStatement: async (_team, _month, format) =>
        format === 'pdf' ? pdf : csv,
    });
    await renderCard(api);
    await screen.findByRole('link', { name: 'February 2026' });

    await userEvent.click(
      within(rowOf('February 2026')).getByRole('button', {
        name: 'Download February 2026 as CSV',
      }),
    );
    await waitFor(() =>
      expect(downloadBlob).toHaveBeenCalledWith(
        csv,
        'ml-team-statement-2026-02.csv',
      ),
    );
    expect(api.downloadTeamStatement).toHaveBeenCalledWith(
      'ml-team',
      '2026-02',
      'csv',
    );

    // material-table remounts its rows: query the button again.
    await userEvent.click(
      within(rowOf('March 2026')).getByRole('button', {
        name: 'Download March 2026 as PDF',
      }),
    );
    await waitFor(() =>
      expect(downloadBlob).toHaveBeenCalledWith(
        pdf,
        'ml-team-statement-2026-03.pdf',
      ),
    );
    expect(api.downloadTeamStatement).toHaveBeenCalledWith(
      'ml-team',
      '2026-03',
      'pdf',
    );
  });

  it('shows a failed download', async () => {
    const error = await responseError(500, 'PDF rendering failed', 'Error');
    await renderCard(
      mockBisonApi({
        downloadTeamStatement: async () => {
          throw error;
        },
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Download January 2026 as PDF',
      }),
    );
    expect(await screen.findByText('PDF rendering failed')).toBeInTheDocument();
    expect(downloadBlob).not.toHaveBeenCalled();
  });

  it('shows the last 12 months, the older ones on demand', async () => {
    const items = Array.from({ length: 14 }, (_, i) => {
      const at = new Date(Date.UTC(2026, 2 - i, 1));
      return {
        month: at.toISOString().slice(0, 7),
        preliminary: i === 0,
      };
    });
    await renderCard(
      mockBisonApi({
        listTeamStatements: async () => aStatementMonths({ items }),
      }),
    );
    await screen.findByRole('link', { name: 'March 2026' });
    expect(
      within(screen.getByTestId('statement-months')).getAllByRole('link'),
    ).toHaveLength(12);
    expect(
      screen.queryByRole('link', { name: 'February 2025' }),
    ).not.toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Show all 14 months' }),
    );
    expect(
      await screen.findByRole('link', { name: 'February 2025' }),
    ).toBeInTheDocument();
  });

  it('says so when the team has no statement yet', async () => {
    await renderCard(
      mockBisonApi({
        listTeamStatements: async () => aStatementMonths({ items: [] }),
      }),
    );
    expect(await screen.findByText(/No statement yet/)).toBeInTheDocument();
  });

  it("says so when the user may not read the team's statements", async () => {
    const forbidden = await responseError(
      403,
      'Unauthorized',
      'NotAllowedError',
    );
    await renderCard(
      mockBisonApi({
        listTeamStatements: async () => {
          throw forbidden;
        },
      }),
    );
    expect(
      await screen.findByText(
        "You do not have access to this team's statements.",
      ),
    ).toBeInTheDocument();
  });

  it('shows other errors', async () => {
    await renderCard(
      mockBisonApi({
        listTeamStatements: async () => {
          throw new Error('backend unavailable');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/backend unavailable/))[0],
    ).toBeInTheDocument();
  });
});
