import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DENY, renderWithApis } from '../../../__testUtils__/apis';
import {
  mockBisonApi,
  noPolicy,
  responseError,
  usd,
} from '../../../__testUtils__/fixtures';
import { AutoRechargePolicy } from '../../../api';
import { AutoRechargeForm } from './AutoRechargeForm';

const monthlyPolicy: AutoRechargePolicy = {
  enabled: true,
  scheduled: { every: 'month', dayOfMonth: 15, amount: '500.00' },
  threshold: { below: '50.00', topUpTo: '200.00' },
  monthlyCap: '1000.00',
  updatedBy: 'user:default/alice',
};

async function renderForm(
  policy: AutoRechargePolicy,
  options: { team?: string; denied?: boolean } = {},
) {
  const api = mockBisonApi({ getAutoRecharge: async () => policy });
  await renderWithApis(
    <AutoRechargeForm team={options.team ?? 'ml-team'} currency={usd} />,
    { bison: api, authorize: options.denied ? DENY : undefined },
  );
  await screen.findByLabelText('Monthly cap');
  return api;
}

// usePermission caches decisions per team for the whole file, so the
// read-only test uses its own team.
describe('AutoRechargeForm', () => {
  it('shows the stored policy', async () => {
    await renderForm(monthlyPolicy);
    expect(screen.getByRole('checkbox', { name: 'Enabled' })).toBeChecked();
    expect(screen.getByLabelText('Schedule')).toHaveValue('month');
    expect(screen.getByLabelText('Day of month')).toHaveValue('15');
    expect(screen.getByLabelText('Scheduled amount')).toHaveValue('500.00');
    expect(screen.getByLabelText('When balance is below')).toHaveValue('50.00');
    expect(screen.getByLabelText('Top up to')).toHaveValue('200.00');
    expect(screen.getByLabelText('Monthly cap')).toHaveValue('1000.00');
    expect(screen.getByRole('button', { name: 'Save' })).toBeInTheDocument();
  });

  it('is read-only without the recharge permission', async () => {
    const api = await renderForm(monthlyPolicy, {
      team: 'readonly-team',
      denied: true,
    });
    await screen.findByText(/Read-only/);
    expect(screen.getByRole('checkbox', { name: 'Enabled' })).toBeDisabled();
    expect(screen.getByLabelText('Schedule')).toBeDisabled();
    expect(screen.getByLabelText('Monthly cap')).toBeDisabled();
    expect(
      screen.queryByRole('button', { name: 'Save' }),
    ).not.toBeInTheDocument();
    expect(api.getAutoRecharge).toHaveBeenCalledWith('readonly-team');
  });

  it('saves a weekly schedule, a threshold and a cap', async () => {
    const api = await renderForm(noPolicy);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Enabled' }));
    await userEvent.selectOptions(screen.getByLabelText('Schedule'), 'week');
    await userEvent.selectOptions(screen.getByLabelText('Weekday'), '3');
    await userEvent.type(screen.getByLabelText('Scheduled amount'), '200');
    await userEvent.type(screen.getByLabelText('When balance is below'), '0');
    await userEvent.type(screen.getByLabelText('Top up to'), '100.5');
    await userEvent.type(screen.getByLabelText('Monthly cap'), '900');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(
      await screen.findByText('Auto-recharge policy saved.'),
    ).toBeInTheDocument();
    expect(api.putAutoRecharge).toHaveBeenCalledWith('ml-team', {
      enabled: true,
      scheduled: { every: 'week', weekday: 3, amount: '200' },
      threshold: { below: '0', topUpTo: '100.5' },
      monthlyCap: '900',
    });
  });

  it('saves a monthly schedule without threshold or cap', async () => {
    const api = await renderForm(noPolicy);
    await userEvent.selectOptions(screen.getByLabelText('Schedule'), 'month');
    await userEvent.selectOptions(screen.getByLabelText('Day of month'), '28');
    await userEvent.type(screen.getByLabelText('Scheduled amount'), '75.25');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.putAutoRecharge).toHaveBeenCalledWith('ml-team', {
        enabled: false,
        scheduled: { every: 'month', dayOfMonth: 28, amount: '75.25' },
        threshold: null,
        monthlyCap: null,
      }),
    );
  });

  it('validates every amount inline and does not save', async () => {
    const api = await renderForm(noPolicy);
    await userEvent.selectOptions(screen.getByLabelText('Schedule'), 'week');
    await userEvent.type(screen.getByLabelText('Scheduled amount'), '1.001');
    await userEvent.type(screen.getByLabelText('When balance is below'), '100');
    await userEvent.type(screen.getByLabelText('Top up to'), '50');
    await userEvent.type(screen.getByLabelText('Monthly cap'), 'abc');

    expect(
      await screen.findByText('amount has more than 2 decimal places'),
    ).toBeInTheDocument();
    expect(
      screen.getByText("'top up to' must be greater than 'below'"),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/amount must be a plain decimal number/),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(api.putAutoRecharge).not.toHaveBeenCalled();
  });

  it('refuses a zero scheduled amount and an enabled policy without top-ups', async () => {
    const api = await renderForm(noPolicy);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Enabled' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(
        'An enabled policy needs a schedule or a threshold.',
      ),
    ).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Schedule'), 'month');
    await userEvent.type(screen.getByLabelText('Scheduled amount'), '0');
    expect(
      await screen.findByText('amount must be greater than zero'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(api.putAutoRecharge).not.toHaveBeenCalled();
  });

  it('shows a server error', async () => {
    const api = await renderForm(monthlyPolicy);
    api.putAutoRecharge.mockRejectedValueOnce(
      await responseError(
        400,
        "'scheduled.dayOfMonth' must be 1 to 28 for monthly top-ups",
      ),
    );
    await userEvent.clear(screen.getByLabelText('Monthly cap'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(
      await screen.findByText(
        "'scheduled.dayOfMonth' must be 1 to 28 for monthly top-ups",
      ),
    ).toBeInTheDocument();
    expect(api.putAutoRecharge).toHaveBeenCalledWith(
      'ml-team',
      expect.objectContaining({ monthlyCap: null }),
    );
  });
});
