import { screen } from '@testing-library/react';
import { renderWithApis } from '../../__testUtils__/apis';
import {
  aNode,
  aTeam,
  mockBisonApi,
  responseError,
} from '../../__testUtils__/fixtures';
import { BisonPage } from './BisonPage';

// The legacy test app renders the page at the root, as an app would at its
// mount path.
describe('BisonPage', () => {
  it('shows the overview at its root', async () => {
    await renderWithApis(<BisonPage />, {
      bison: mockBisonApi(),
      routeEntries: ['/'],
    });
    expect(await screen.findByText('Installation')).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'ml-team' }),
    ).toBeInTheDocument();
  });

  it('shows a team page at teams/:team', async () => {
    const api = mockBisonApi({
      getTeam: async name => aTeam({ name, displayName: 'Data Science' }),
    });
    await renderWithApis(<BisonPage />, {
      bison: api,
      routeEntries: ['/teams/data-team'],
    });
    expect(
      await screen.findByRole('heading', { name: 'Data Science' }),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('wallet-balance')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All teams' })).toHaveAttribute(
      'href',
      '/bison',
    );
    expect(api.getTeam).toHaveBeenCalledWith('data-team');
    expect(api.getWallet).toHaveBeenCalledWith('data-team');
    expect(screen.queryByText('Installation')).not.toBeInTheDocument();
  });

  it('says so when the team does not exist', async () => {
    const notFound = await responseError(404, "team 'ghost' not found");
    await renderWithApis(<BisonPage />, {
      bison: mockBisonApi({
        getTeam: async () => {
          throw notFound;
        },
      }),
      routeEntries: ['/teams/ghost'],
    });
    expect(await screen.findByText('No such Bison team')).toBeInTheDocument();
  });

  it('shows the node pools at nodes', async () => {
    const api = mockBisonApi({ listNodes: async () => [aNode('gpu-1')] });
    await renderWithApis(<BisonPage />, {
      bison: api,
      routeEntries: ['/nodes'],
    });
    expect(
      await screen.findByRole('heading', { name: 'Node pools' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('gpu-1', { selector: 'td' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Installation')).not.toBeInTheDocument();
  });

  it('shows the price book at pricing', async () => {
    const api = mockBisonApi();
    await renderWithApis(<BisonPage />, {
      bison: api,
      routeEntries: ['/pricing'],
    });
    expect(
      await screen.findByRole('heading', { name: 'Pricing' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'Current prices' }),
    ).toBeInTheDocument();
    expect(api.getPrices).toHaveBeenCalled();
    expect(screen.queryByText('Installation')).not.toBeInTheDocument();
  });

  it('shows the reports at reports', async () => {
    const api = mockBisonApi();
    await renderWithApis(<BisonPage />, {
      bison: api,
      routeEntries: ['/reports'],
    });
    expect(
      await screen.findByRole('heading', { name: 'Reports' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No usage in this period'),
    ).toBeInTheDocument();
    expect(api.getTeamReport).toHaveBeenCalled();
    expect(screen.queryByText('Installation')).not.toBeInTheDocument();
  });

  it("shows a team's statement at teams/:team/statements/:month", async () => {
    const api = mockBisonApi();
    await renderWithApis(<BisonPage />, {
      bison: api,
      routeEntries: ['/teams/data-team/statements/2026-02'],
    });
    expect(
      await screen.findByRole('heading', {
        name: 'Statement for February 2026',
      }),
    ).toBeInTheDocument();
    expect(api.getTeamStatement).toHaveBeenCalledWith('data-team', '2026-02');
    expect(api.getWallet).not.toHaveBeenCalled();
  });

  it('says so for an unknown path below the page', async () => {
    await renderWithApis(<BisonPage />, {
      bison: mockBisonApi(),
      routeEntries: ['/no/such/page'],
    });
    expect(await screen.findByText('No such Bison page')).toBeInTheDocument();
  });
});
