import { Entity } from '@backstage/catalog-model';
import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import { aProject, mockBisonApi } from './__testUtils__/fixtures';
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

  it('links the overview to the price book and the reports', async () => {
    renderAt('/bison');
    expect(
      await screen.findByRole('link', { name: 'Pricing' }),
    ).toHaveAttribute('href', '/bison/pricing');
    expect(
      await screen.findByRole('link', { name: 'Reports' }),
    ).toHaveAttribute('href', '/bison/reports');
  });

  it('shows the price book at /bison/pricing', async () => {
    const api = renderAt('/bison/pricing');
    expect(
      await screen.findByRole('heading', { name: 'Pricing' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'Current prices' }),
    ).toBeInTheDocument();
    expect(api.getPrices).toHaveBeenCalled();
  });

  it('shows the reports at /bison/reports, linked from the overview', async () => {
    const api = renderAt('/bison/reports');
    expect(
      await screen.findByRole('heading', { name: 'Reports' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No usage in this period'),
    ).toBeInTheDocument();
    expect(api.getTeamReport).toHaveBeenCalled();
  });

  it('shows the activity at /bison/activity, filtered by its query string', async () => {
    const api = renderAt('/bison/activity?team=ml-team');
    expect(
      await screen.findByRole('heading', { name: 'Activity' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Recharged 100.00')).toBeInTheDocument();
    expect(api.listActivity).toHaveBeenCalledWith({
      team: 'ml-team',
      limit: 50,
    });
  });

  it('shows a statement at /bison/teams/:team/statements/:month', async () => {
    const api = renderAt('/bison/teams/ml-team/statements/2026-02');
    expect(
      await screen.findByRole('heading', {
        name: 'Statement for February 2026',
      }),
    ).toBeInTheDocument();
    expect(api.getTeamStatement).toHaveBeenCalledWith('ml-team', '2026-02');
  });

  function renderEntityPage(entity: Entity) {
    const api = mockBisonApi({
      getProject: async name =>
        aProject(name, { team: 'ml-team', displayName: 'Training' }),
    });
    renderTestApp({
      features: [bisonPlugin],
      extensions: [createTestEntityPage({ entity })],
      initialRouteEntries: ['/'],
      apis: [[bisonApiRef, api], mockApis.permission()],
    });
    return api;
  }

  it('shows the project card on a component annotated bison.io/project', async () => {
    const api = renderEntityPage({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'model-training',
        annotations: { 'bison.io/project': 'ml-training' },
      },
      spec: { type: 'service' },
    });
    expect(await screen.findByText('Bison project')).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'ml-team' }),
    ).toHaveAttribute('href', '/bison/teams/ml-team');
    expect(api.getProject).toHaveBeenCalledWith('ml-training');
  });

  it('leaves the project card off components without the annotation', async () => {
    const api = renderEntityPage({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'website' },
      spec: { type: 'website' },
    });
    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
    expect(screen.queryByText('Bison project')).not.toBeInTheDocument();
    expect(api.getProject).not.toHaveBeenCalled();
  });
});
