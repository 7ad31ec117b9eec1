import { render, screen } from '@testing-library/react';
import { QuotaBars } from './QuotaBars';

describe('QuotaBars', () => {
  it('shows a bar per limited key with used / hard in the display unit, cpu first', () => {
    render(
      <QuotaBars
        quota={{
          hard: {
            'requests.memory': '64Gi',
            'requests.nvidia.com/gpu': '4',
            'requests.cpu': '16',
          },
          used: { 'requests.memory': '12Gi', 'requests.cpu': '13' },
        }}
      />,
    );
    const bars = screen.getAllByTestId('quota-usage');
    expect(bars.map(bar => bar.getAttribute('data-quota-key'))).toEqual([
      'requests.cpu',
      'requests.memory',
      'requests.nvidia.com/gpu',
    ]);
    expect(bars[1]).toHaveTextContent('memory12 / 64 GiB');
    expect(bars[2]).toHaveTextContent('0 / 4 devices');
    expect(
      screen.getByRole('progressbar', { name: 'memory usage' }),
    ).toHaveAttribute('aria-valuenow', '19');
  });

  it('warns from 80 % and marks a full quota as an error', () => {
    render(
      <QuotaBars
        quota={{
          hard: { 'requests.cpu': '10', 'requests.memory': '10Gi', pods: '10' },
          used: { 'requests.cpu': '8', 'requests.memory': '10Gi', pods: '7' },
        }}
      />,
    );
    const severity = (key: string) =>
      screen
        .getAllByTestId('quota-usage')
        .find(bar => bar.getAttribute('data-quota-key') === key)
        ?.getAttribute('data-severity');
    expect(severity('requests.cpu')).toBe('warning');
    expect(severity('requests.memory')).toBe('error');
    expect(severity('pods')).toBe('ok');
  });

  it('says so when there is no quota', () => {
    render(<QuotaBars quota={{ hard: {}, used: {} }} />);
    expect(screen.getByText('No quota')).toBeInTheDocument();
  });
});
