import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/apis';
import {
  alertRules,
  anAlertChannel,
  anAlertDelivery,
  mockBisonApi,
  responseError,
} from '../../__testUtils__/fixtures';
import { BisonApi } from '../../api';
import { AlertsPage } from './AlertsPage';

const failed = anAlertDelivery('7', {
  status: 'failed',
  attempts: 12,
  responseCode: 500,
  lastError: 'http://127.0.0.1:9000 answered 500: receiver broke',
  deliveredAt: null,
});

function renderPage(overrides: Partial<BisonApi> = {}) {
  const api = mockBisonApi({
    listAlertDeliveries: jest.fn(async () => ({
      items: [failed, anAlertDelivery('6')],
      nextCursor: null,
    })),
    ...overrides,
  });
  return { api, rendered: renderWithApis(<AlertsPage />, { bison: api }) };
}

const cardOf = async (title: string) =>
  (
    await screen.findByText(title, {
      selector: '.MuiCardHeader-title, .MuiCardHeader-title *',
    })
  ).closest('[class*="MuiCard-root"]') as HTMLElement;

describe('AlertsPage', () => {
  it('lists the global channels, the rules and the history', async () => {
    await renderPage().rendered;
    expect(
      await screen.findByRole('heading', { name: 'Alerts' }),
    ).toBeInTheDocument();
    const channels = await cardOf('Global channels');
    expect(
      await within(channels).findByText('Ops webhook'),
    ).toBeInTheDocument();
    expect(within(channels).getByText('Signed webhook')).toBeInTheDocument();
    expect(within(channels).getByText('Stored, encrypted')).toBeInTheDocument();

    const rules = await cardOf('Rules');
    expect(
      await within(rules).findByText('below 50 %, 25 %, 10 %'),
    ).toBeInTheDocument();
    expect(within(rules).getByText('below $100.00')).toBeInTheDocument();
    expect(
      within(rules).getByText('every 4 h while it holds'),
    ).toBeInTheDocument();
    expect(
      within(rules).getByText('Notifications, Ops webhook'),
    ).toBeInTheDocument();

    const history = await cardOf('Delivery history');
    const row = (await within(history).findByText(/answered 500/)).closest(
      'tr',
    )!;
    expect(within(row).getByText('Failed')).toBeInTheDocument();
    expect(
      within(row).getByText('12 attempts · answer 500'),
    ).toBeInTheDocument();
    expect(
      within(row).getByText(/ml-team · firing · warning/),
    ).toBeInTheDocument();
  });

  it('adds a webhook channel with its secrets', async () => {
    const { api, rendered } = renderPage();
    await rendered;
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add channel' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Add an alert channel',
    });
    await userEvent.type(within(dialog).getByLabelText(/Name/), 'Pager bridge');
    await userEvent.type(
      within(dialog).getByLabelText(/^URL/),
      'https://hooks.example.com/in',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/Signing secret/),
      'whsec_abc',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add channel' }),
    );
    await waitFor(() =>
      expect(api.createAlertChannel).toHaveBeenCalledWith({
        name: 'Pager bridge',
        type: 'webhook',
        settings: {},
        secrets: {
          url: 'https://hooks.example.com/in',
          signingSecret: 'whsec_abc',
        },
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it("shows the backend's reason when a channel is refused", async () => {
    const { rendered } = renderPage({
      createAlertChannel: async () => {
        throw await responseError(
          400,
          "'secrets.url' is refused: https://10.0.0.8: 10.0.0.8 is a private address",
        );
      },
    });
    await rendered;
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add channel' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/Name/), 'Internal');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add channel' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      "'secrets.url' is refused",
    );
  });

  it('sends a test message and says how the receiver answered', async () => {
    const testAlertChannel = jest
      .fn()
      .mockResolvedValueOnce({
        delivered: true,
        responseCode: 204,
        error: null,
      })
      .mockResolvedValueOnce({
        delivered: false,
        responseCode: 401,
        error: 'answered 401: bad token',
      });
    await renderPage({ testAlertChannel }).rendered;
    const sendTest = async () =>
      userEvent.click(await screen.findByRole('button', { name: 'Send test' }));
    await sendTest();
    expect(
      await screen.findByText(
        'Test message delivered to Ops webhook (answer 204).',
      ),
    ).toBeInTheDocument();
    await sendTest();
    expect(
      await screen.findByText(
        'Test message to Ops webhook failed: answered 401: bad token',
      ),
    ).toBeInTheDocument();
  });

  it('keeps stored secrets when a channel is edited without them', async () => {
    const { api, rendered } = renderPage();
    await rendered;
    const channels = await cardOf('Global channels');
    await userEvent.click(
      await within(channels).findByRole('button', { name: 'Edit' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit Ops webhook',
    });
    expect(
      within(dialog).getAllByText('Stored; leave empty to keep it'),
    ).toHaveLength(2);
    const name = within(dialog).getByLabelText(/Name/);
    await userEvent.clear(name);
    await userEvent.type(name, 'Ops bridge');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.updateAlertChannel).toHaveBeenCalledWith(anAlertChannel().id, {
        name: 'Ops bridge',
        enabled: true,
        settings: {},
      }),
    );
  });

  it('edits a rule and saves every rule', async () => {
    const { api, rendered } = renderPage();
    await rendered;
    const rules = await cardOf('Rules');
    const row = (
      await within(rules).findByText('below 50 %, 25 %, 10 %')
    ).closest('tr')!;
    await userEvent.click(within(row).getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: /Edit rule/ });
    const levels = within(dialog).getByLabelText(/Levels/);
    await userEvent.clear(levels);
    await userEvent.type(levels, '40, 20');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.putAlertRules).toHaveBeenCalled());
    const saved = api.putAlertRules.mock.calls[0][0].rules;
    expect(saved).toHaveLength(alertRules.length);
    expect(saved[0]).toMatchObject({
      id: 'low-balance-percent',
      thresholds: { levels: [40, 20] },
    });
    expect(saved.slice(1)).toEqual(alertRules.slice(1));
  });

  it('retries a failed delivery and filters by status', async () => {
    const { api, rendered } = renderPage();
    await rendered;
    const history = await cardOf('Delivery history');
    await userEvent.click(
      await within(history).findByRole('button', { name: 'Retry' }),
    );
    await waitFor(() =>
      expect(api.retryAlertDelivery).toHaveBeenCalledWith('7'),
    );
    await userEvent.click(within(history).getByLabelText('Status'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Failed' }),
    );
    await waitFor(() =>
      expect(api.listAlertDeliveries).toHaveBeenLastCalledWith({
        status: 'failed',
        limit: 25,
      }),
    );
  });
});
