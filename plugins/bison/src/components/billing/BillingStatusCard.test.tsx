import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/apis';
import {
  aBillingRun,
  aBillingStatus,
  mockBisonApi,
  responseError,
} from '../../__testUtils__/fixtures';
import { BisonApi } from '../../api';
import { formatDateTime } from '../shared/time';
import { BillingStatusCard } from './BillingStatusCard';

function renderCard(bison: Partial<BisonApi>) {
  return renderWithApis(<BillingStatusCard />, { bison });
}

describe('BillingStatusCard', () => {
  it('shows the watermark, lag, pending windows, source and last run', async () => {
    await renderCard(
      mockBisonApi({
        getBillingStatus: async () =>
          aBillingStatus({
            watermark: '2026-03-02T09:00:00.000Z',
            lagMinutes: 125,
            pendingWindows: 2,
            source: { id: 'opencost', registered: true },
            lastRun: aBillingRun({
              status: 'failed',
              error: 'opencost answered 503',
              windowsBilled: 0,
              windowsPending: 2,
            }),
          }),
      }),
    );

    expect(await screen.findByTestId('billing-watermark')).toHaveTextContent(
      formatDateTime('2026-03-02T09:00:00.000Z'),
    );
    expect(screen.getByTestId('billing-lag')).toHaveTextContent('2 h 5 min');
    expect(screen.getByTestId('billing-pending')).toHaveTextContent('2');
    expect(screen.getByTestId('billing-windows')).toHaveTextContent(
      '60-minute windows, billed 10 minutes after they close',
    );
    const source = screen.getByTestId('billing-source');
    expect(source).toHaveTextContent('opencost');
    expect(source).toHaveTextContent('Registered');
    const lastRun = screen.getByTestId('billing-last-run');
    expect(within(lastRun).getByTestId('billing-run-status')).toHaveTextContent(
      'Failed',
    );
    expect(lastRun).toHaveTextContent('0 billed, 2 pending · scheduled');
    expect(lastRun).toHaveTextContent('opencost answered 503');
    expect(screen.queryByTestId('billing-failed-windows')).toBeNull();
  });

  it('flags an unregistered source, failed windows and a first run still to come', async () => {
    await renderCard(
      mockBisonApi({
        getBillingStatus: async () =>
          aBillingStatus({
            watermark: null,
            lagMinutes: null,
            source: {
              id: 'prometheus',
              registered: false,
              lastError: 'no source prometheus',
            },
            failedWindows: [
              {
                start: '2026-03-02T07:00:00.000Z',
                attempts: 3,
                lastError: 'query timed out',
              },
            ],
            lastRun: undefined,
          }),
      }),
    );

    expect(await screen.findByTestId('billing-watermark')).toHaveTextContent(
      'nothing billed yet',
    );
    expect(screen.getByTestId('billing-lag')).toHaveTextContent('—');
    expect(screen.getByTestId('billing-source')).toHaveTextContent(
      'Not registered',
    );
    expect(screen.getByTestId('billing-source')).toHaveTextContent(
      'no source prometheus',
    );
    expect(screen.getByTestId('billing-last-run')).toHaveTextContent('never');
    const failed = screen.getByTestId('billing-failed-windows');
    expect(failed).toHaveTextContent('1 window failed and will be retried');
    expect(failed).toHaveTextContent(
      `${formatDateTime(
        '2026-03-02T07:00:00.000Z',
      )}: query timed out (3 attempts)`,
    );
  });

  it('runs billing now and reloads the status', async () => {
    const api = mockBisonApi({
      startBillingRun: async () =>
        aBillingRun({
          id: '42',
          trigger: 'manual',
          actor: 'user:default/admin',
          windowsBilled: 3,
          windowsPending: 0,
        }),
    });
    await renderCard(api);
    await screen.findByTestId('billing-watermark');

    await userEvent.click(
      await screen.findByRole('button', { name: 'Run billing now' }),
    );
    expect(await screen.findByTestId('billing-run-outcome')).toHaveTextContent(
      'Billing run 42 succeeded: 3 windows billed, 0 pending.',
    );
    expect(api.startBillingRun).toHaveBeenCalledTimes(1);
    expect(api.startBillingRun).toHaveBeenCalledWith();
    await waitFor(() => expect(api.getBillingStatus).toHaveBeenCalledTimes(2));
  });

  it('reports a failed run and a refused one', async () => {
    const api = mockBisonApi();
    api.startBillingRun
      .mockResolvedValueOnce(
        aBillingRun({ id: '43', status: 'failed', error: 'source is down' }),
      )
      .mockRejectedValueOnce(
        await responseError(
          409,
          'a billing run started here is still running',
          'ConflictError',
        ),
      );
    await renderCard(api);
    const run = await screen.findByRole('button', { name: 'Run billing now' });

    await userEvent.click(run);
    expect(await screen.findByTestId('billing-run-outcome')).toHaveTextContent(
      'Billing run 43 failed: 1 window billed, 0 pending. source is down',
    );
    await userEvent.click(run);
    expect(
      await screen.findByText('a billing run started here is still running'),
    ).toBeInTheDocument();
  });

  it('lists the recent runs on demand', async () => {
    const api = mockBisonApi({
      listBillingRuns: async () => [
        aBillingRun({ id: '2', trigger: 'manual', actor: 'user:default/ann' }),
        aBillingRun({ id: '1', status: 'aborted', windowsPending: 4 }),
      ],
    });
    await renderCard(api);
    await screen.findByTestId('billing-watermark');
    expect(api.listBillingRuns).not.toHaveBeenCalled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Show recent runs' }),
    );
    const table = await screen.findByRole('table', {
      name: 'Recent billing runs',
    });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('Succeededuser:default/ann10');
    expect(rows[2]).toHaveTextContent('Abortedschedule14');
  });

  it('is left out when the backend refuses the status (403)', async () => {
    const forbidden = await responseError(
      403,
      'Unauthorized',
      'NotAllowedError',
    );
    const api = mockBisonApi({
      getBillingStatus: async () => {
        throw forbidden;
      },
    });
    await renderCard(api);
    await waitFor(() => expect(api.getBillingStatus).toHaveBeenCalled());
    await waitFor(() =>
      expect(screen.queryByText('Billing status')).not.toBeInTheDocument(),
    );
    expect(screen.queryByText('Unauthorized')).not.toBeInTheDocument();
  });

  it('shows other errors', async () => {
    await renderCard(
      mockBisonApi({
        getBillingStatus: async () => {
          throw new Error('database is down');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/database is down/))[0],
    ).toBeInTheDocument();
    expect(screen.getByText('Billing status')).toBeInTheDocument();
  });
});
