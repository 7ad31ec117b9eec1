import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/apis';
import {
  aPriceBook,
  mockBisonApi,
  responseError,
} from '../../__testUtils__/fixtures';
import { BisonApi, PriceBooks } from '../../api';
import { fromDateTimeInput } from './priceForm';
import { PricingPage } from './PricingPage';

const current = aPriceBook({
  version: 2,
  note: 'Winter prices',
  prices: [
    { resource: 'cpu', pricePerHour: '0.04' },
    { resource: 'memory', pricePerHour: '0.005' },
    { resource: 'nvidia.com/gpu', pricePerHour: '2.50' },
  ],
});
const scheduled = aPriceBook({
  version: 3,
  effectiveFrom: '2099-01-01T00:00:00.000Z',
  createdBy: 'user:default/carol',
  prices: [{ resource: 'cpu', pricePerHour: '0.05' }],
});
const first = aPriceBook({
  version: 1,
  effectiveFrom: '2026-01-01T00:00:00.000Z',
  createdBy: 'bison:default-prices',
  prices: [{ resource: 'cpu', pricePerHour: '0.03' }],
});
const books: PriceBooks = { current, history: [scheduled, current, first] };

function renderPage(overrides: Partial<BisonApi> = {}) {
  const api = mockBisonApi({ getPrices: async () => books, ...overrides });
  return { api, rendered: renderWithApis(<PricingPage />, { bison: api }) };
}

async function openEditor(overrides: Partial<BisonApi> = {}) {
  const { api, rendered } = renderPage(overrides);
  await rendered;
  await userEvent.click(
    await screen.findByRole('button', { name: 'Edit prices' }),
  );
  const dialog = await screen.findByRole('dialog', { name: 'Edit prices' });
  return { api, dialog };
}

describe('PricingPage', () => {
  it('shows the current prices with their units', async () => {
    await renderPage().rendered;
    expect(
      await screen.findByRole('heading', { name: 'Pricing' }),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Current prices' });
    expect(
      within(table)
        .getAllByRole('row')
        .map(row => row.textContent),
    ).toEqual([
      'ResourceUnitPrice per hour',
      'cpucore-hour$0.04',
      'memoryGiB-hour$0.005',
      'nvidia.com/gpudevice-hour$2.50',
    ]);
    expect(
      screen.getByText('Winter prices', { selector: 'p' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Version 2, effective from/)).toBeInTheDocument();
    expect(screen.getByTestId('scheduled-prices')).toHaveTextContent(
      /Version 3 takes effect on/,
    );
  });

  it('lists every version, marking the current and the scheduled one', async () => {
    await renderPage().rendered;
    const carol = await screen.findByText('user:default/carol');
    const scheduledRow = carol.closest('tr')!;
    expect(within(scheduledRow).getByText('Scheduled')).toBeInTheDocument();
    expect(within(scheduledRow).getByText('3')).toBeInTheDocument();

    const currentRow = screen
      .getByText('Winter prices', { selector: 'td' })
      .closest('tr')!;
    expect(within(currentRow).getByText('Current')).toBeInTheDocument();
    expect(within(currentRow).queryByText('Scheduled')).toBeNull();

    const firstRow = screen.getByText('bison:default-prices').closest('tr')!;
    expect(within(firstRow).queryByText('Current')).toBeNull();
    expect(within(firstRow).getByText('—')).toBeInTheDocument();
  });

  it('links back to the overview', async () => {
    await renderPage().rendered;
    expect(
      await screen.findByRole('link', { name: 'All teams' }),
    ).toHaveAttribute('href', '/bison');
  });

  it('edits, adds and removes prices and PUTs them, effective now', async () => {
    const { api, dialog } = await openEditor();
    expect(within(dialog).getByLabelText('Resource 1')).toHaveValue('cpu');
    expect(within(dialog).getByLabelText('Price per hour 2')).toHaveValue(
      '0.005',
    );

    const cpu = within(dialog).getByLabelText('Price per hour 1');
    await userEvent.clear(cpu);
    await userEvent.type(cpu, '0.045');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Remove memory' }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add resource' }),
    );
    // Pasted: typing a long key keystroke by keystroke is slow on a busy machine.
    await userEvent.click(within(dialog).getByLabelText('Resource 3'));
    await userEvent.paste('nvidia.com/gpu:NVIDIA-A100-SXM4-80GB');
    await userEvent.type(
      within(dialog).getByLabelText('Price per hour 3'),
      '3.200001',
    );
    // The GPU model's price is per device-hour, like the generic GPU's.
    expect(within(dialog).getAllByText('/ device-hour')).toHaveLength(2);
    await userEvent.type(within(dialog).getByLabelText('Note'), ' A100s ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.putPrices).toHaveBeenCalledTimes(1));
    expect(api.putPrices).toHaveBeenCalledWith({
      prices: [
        { resource: 'cpu', pricePerHour: '0.045' },
        { resource: 'nvidia.com/gpu', pricePerHour: '2.50' },
        {
          resource: 'nvidia.com/gpu:NVIDIA-A100-SXM4-80GB',
          pricePerHour: '3.200001',
        },
      ],
      note: 'A100s',
    });
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    await waitFor(() => expect(api.getPrices).toHaveBeenCalledTimes(2));
  });

  it('schedules a version at the chosen time', async () => {
    const { api, dialog } = await openEditor();
    const effectiveFrom = within(dialog).getByLabelText('Effective from');
    expect((effectiveFrom as HTMLInputElement).value).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/,
    );
    fireEvent.change(effectiveFrom, { target: { value: '2099-06-01T08:00' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.putPrices).toHaveBeenCalledTimes(1));
    expect(api.putPrices).toHaveBeenCalledWith({
      prices: current.prices,
      effectiveFrom: fromDateTimeInput('2099-06-01T08:00'),
    });
    expect(api.putPrices.mock.calls[0][0].effectiveFrom).toBe(
      new Date(2099, 5, 1, 8, 0).toISOString(),
    );
  });

  it.each([
    ['0.1234567', 'price has more than 6 decimal places'],
    ['-1', 'price must not be negative'],
    ['1,5', /must not contain ','/],
  ])('refuses the price %p', async (text, message) => {
    const { api, dialog } = await openEditor();
    const price = within(dialog).getByLabelText('Price per hour 1');
    await userEvent.clear(price);
    await userEvent.type(price, text);
    expect(await within(dialog).findByText(message)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(api.putPrices).not.toHaveBeenCalled();
  });

  it('refuses a repeated or malformed resource key and an empty price', async () => {
    const { api, dialog } = await openEditor();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add resource' }),
    );
    await userEvent.type(within(dialog).getByLabelText('Resource 4'), 'cpu');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add resource' }),
    );
    await userEvent.type(
      within(dialog).getByLabelText('Resource 5'),
      'GPU memory',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(
      await within(dialog).findByText('cpu is priced twice'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText(/not a resource key/)).toBeInTheDocument();
    expect(within(dialog).getAllByText('price is empty')).toHaveLength(2);
    expect(api.putPrices).not.toHaveBeenCalled();
  });

  it('needs at least one price', async () => {
    const { api, dialog } = await openEditor();
    for (const name of [
      'Remove cpu',
      'Remove memory',
      'Remove nvidia.com/gpu',
    ]) {
      await userEvent.click(within(dialog).getByRole('button', { name }));
    }
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText('add at least one price'),
    ).toBeInTheDocument();
    expect(api.putPrices).not.toHaveBeenCalled();
  });

  it('shows the field the backend refuses, and a conflict with billed windows', async () => {
    const invalid =
      "'prices[1].pricePerHour' amount exceeds the maximum of 1000000000";
    const conflict =
      "windows up to 2026-03-02T10:00:00.000Z are billed already; 'effectiveFrom' must not be earlier";
    const api = mockBisonApi({ getPrices: async () => books });
    api.putPrices
      .mockRejectedValueOnce(await responseError(400, invalid))
      .mockRejectedValueOnce(
        await responseError(409, conflict, 'ConflictError'),
      );
    const { dialog } = await openEditor(api);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(invalid);
    const memory = within(dialog).getByLabelText('Price per hour 2');
    expect(memory).toHaveAttribute('aria-invalid', 'true');
    expect(memory).toHaveAccessibleDescription(invalid);
    expect(within(dialog).getByLabelText('Price per hour 1')).toHaveAttribute(
      'aria-invalid',
      'false',
    );
    await userEvent.type(memory, '1');
    expect(memory).toHaveAttribute('aria-invalid', 'false');

    await userEvent.clear(memory);
    await userEvent.type(memory, '0.005');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      conflict,
    );
    const effectiveFrom = within(dialog).getByLabelText('Effective from');
    expect(effectiveFrom).toHaveAttribute('aria-invalid', 'true');
    expect(effectiveFrom).toHaveAccessibleDescription(conflict);
    expect(screen.getByRole('dialog', { name: 'Edit prices' })).toBeVisible();
    expect(api.getPrices).toHaveBeenCalledTimes(1);
  });

  it('previews the cost of resources and shows the total', async () => {
    const api = mockBisonApi({
      getPrices: async () => books,
      previewPrices: async () => ({
        version: 2,
        lines: [
          {
            resource: 'nvidia.com/gpu',
            unitHours: '2920',
            pricePerHour: '2.50',
            cost: '7300.00',
          },
          {
            resource: 'memory',
            unitHours: '46720',
            pricePerHour: '0.005',
            cost: '233.60',
          },
        ],
        total: '7533.60',
      }),
    });
    await renderWithApis(<PricingPage />, { bison: api });

    const form = await screen.findByRole('form', { name: 'Cost preview' });
    await userEvent.selectOptions(
      within(form).getByLabelText('Preview resource 1'),
      'nvidia.com/gpu',
    );
    await userEvent.type(within(form).getByLabelText('Quantity 1'), '4');
    await userEvent.click(
      within(form).getByRole('button', { name: 'Add resource' }),
    );
    await userEvent.selectOptions(
      within(form).getByLabelText('Preview resource 2'),
      'memory',
    );
    await userEvent.type(within(form).getByLabelText('Quantity 2'), '64Gi');
    const hours = within(form).getByLabelText('Hours');
    expect(hours).toHaveValue('730');
    await userEvent.click(
      within(form).getByRole('button', { name: 'Calculate' }),
    );

    expect(await screen.findByTestId('preview-total')).toHaveTextContent(
      '$7,533.60',
    );
    expect(api.previewPrices).toHaveBeenCalledWith({
      resources: [
        { resource: 'nvidia.com/gpu', quantity: '4' },
        { resource: 'memory', quantity: '64Gi' },
      ],
      hours: '730',
    });
    const table = screen.getByRole('table', { name: 'Preview' });
    expect(
      within(table)
        .getAllByRole('row')
        .map(row => row.textContent),
    ).toEqual([
      'ResourceUsagePrice per hourCost',
      'nvidia.com/gpu2920 device-hours$2.50$7,300.00',
      'memory46720 GiB-hours$0.005$233.60',
    ]);
    expect(screen.getByText('At the prices of version 2')).toBeInTheDocument();
  });

  it('checks the quantity and hours before asking, and shows backend errors', async () => {
    const api = mockBisonApi({ getPrices: async () => books });
    api.previewPrices.mockRejectedValueOnce(
      await responseError(
        400,
        "'resources[0].quantity' must be a whole number of devices",
      ),
    );
    await renderWithApis(<PricingPage />, { bison: api });
    const form = await screen.findByRole('form', { name: 'Cost preview' });

    await userEvent.type(within(form).getByLabelText('Quantity 1'), 'lots');
    const hours = within(form).getByLabelText('Hours');
    await userEvent.clear(hours);
    await userEvent.type(hours, '9000');
    await userEvent.click(
      within(form).getByRole('button', { name: 'Calculate' }),
    );
    expect(await within(form).findByText('at most 8784 hours')).toBeVisible();
    expect(api.previewPrices).not.toHaveBeenCalled();

    await userEvent.clear(within(form).getByLabelText('Quantity 1'));
    await userEvent.type(within(form).getByLabelText('Quantity 1'), '0.5');
    await userEvent.clear(hours);
    await userEvent.type(hours, '1');
    await userEvent.click(
      within(form).getByRole('button', { name: 'Calculate' }),
    );
    expect(
      await within(form).findByText(
        "'resources[0].quantity' must be a whole number of devices",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('preview-total')).not.toBeInTheDocument();
  });

  it('shows a backend error instead of the page content', async () => {
    await renderPage({
      getPrices: async () => {
        throw new Error('prices unavailable');
      },
    }).rendered;
    expect(
      (await screen.findAllByText(/prices unavailable/))[0],
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Current prices' })).toBeNull();
  });
});
