import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { BisonApi, bisonApiRef } from '../../api';
import { BisonOverview } from './BisonOverview';

function renderWith(api: Partial<BisonApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[bisonApiRef, api]]}>
      <BisonOverview />
    </TestApiProvider>,
  );
}

describe('BisonOverview', () => {
  it('shows the installation currency and billing window', async () => {
    await renderWith({
      getSettings: async () => ({
        currency: { code: 'EUR', symbol: '€', minorUnits: 2 },
        billingWindowMinutes: 30,
      }),
    });
    expect(await screen.findByText('EUR (€)')).toBeInTheDocument();
    expect(screen.getByText('2 decimal places')).toBeInTheDocument();
    expect(screen.getByText('30 minutes')).toBeInTheDocument();
  });

  it('shows a backend error instead of the content', async () => {
    await renderWith({
      getSettings: async () => {
        throw new Error('backend unavailable');
      },
    });
    expect(
      (await screen.findAllByText(/backend unavailable/))[0],
    ).toBeInTheDocument();
    expect(screen.queryByText('Installation')).not.toBeInTheDocument();
  });
});
