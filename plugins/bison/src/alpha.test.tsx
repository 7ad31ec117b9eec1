import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { mockBisonApi } from './__testUtils__/fixtures';
import { bisonApiRef } from './api';
import bisonPlugin from './alpha';

function renderAt(path: string) {
  const api = mockBisonApi();
  renderTestApp({
    features: [bisonPlugin],
    initialRouteEntries: [path],
    apis: [[bisonApiRef, api], mockApis.permission()],
  });
  return api;
}

describe('bison plugin on the new frontend system', () => {
  it('shows the overview at /bison, linking to the team pages', async () => {
    renderAt('/bison');
    expect(await screen.findByText('Installation')).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'ml-team' }),
    ).toHaveAttribute('href', '/bison/teams/ml-team');
  });

  it('shows a team page at /bison/teams/:team', async () => {
    const api = renderAt('/bison/teams/ml-team');
    expect(
      await screen.findByRole('heading', { name: 'Machine Learning' }),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('wallet-balance')).toBeInTheDocument();
    expect(api.getWallet).toHaveBeenCalledWith('ml-team');
    expect(screen.queryByText('Installation')).not.toBeInTheDocument();
  });
});
