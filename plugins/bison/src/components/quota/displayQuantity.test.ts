import {
  formatUsage,
  formatWithUnit,
  roundDecimal,
  usagePercent,
  usageSeverity,
} from './displayQuantity';

describe('roundDecimal', () => {
  it('rounds half away from zero and drops trailing zeros', () => {
    expect(roundDecimal('0.931322574615478515625', 2)).toBe('0.93');
    expect(roundDecimal('1.005', 2)).toBe('1.01');
    expect(roundDecimal('1.995', 2)).toBe('2');
    expect(roundDecimal('12', 2)).toBe('12');
    expect(roundDecimal('0.001', 2)).toBe('0');
    expect(roundDecimal('-2.345', 2)).toBe('-2.35');
  });
});

describe('formatUsage', () => {
  it('shows used and hard in the display unit of the resource', () => {
    expect(formatUsage('12Gi', '64Gi', 'requests.memory')).toBe('12 / 64 GiB');
    expect(formatUsage('12884901888', '64Gi', 'limits.memory')).toBe(
      '12 / 64 GiB',
    );
    expect(formatUsage('1500m', '4', 'requests.cpu')).toBe('1.5 / 4 cores');
    expect(formatUsage('3', '4', 'requests.nvidia.com/gpu')).toBe(
      '3 / 4 devices',
    );
    expect(formatUsage(undefined, '50', 'pods')).toBe('0 / 50 pods');
  });

  it('marks tiny amounts instead of rounding them to zero', () => {
    expect(formatUsage('5Mi', '64Gi', 'requests.memory')).toBe(
      '<0.01 / 64 GiB',
    );
  });

  it('shows unparseable text as it is', () => {
    expect(formatWithUnit('lots', 'requests.memory')).toBe('lots GiB');
  });
});

describe('usagePercent and usageSeverity', () => {
  it('computes the share exactly across units', () => {
    expect(usagePercent('16Gi', '64Gi')).toBe(25);
    expect(usagePercent('51539607552', '64Gi')).toBe(75);
    expect(usagePercent('3', '4')).toBe(75);
    expect(usagePercent(undefined, '4')).toBe(0);
    expect(usagePercent('1', '3')).toBe(33.33);
  });

  it('warns from 80 % and errs from 100 %', () => {
    expect(usageSeverity(usagePercent('790m', '1'))).toBe('ok');
    expect(usageSeverity(usagePercent('800m', '1'))).toBe('warning');
    expect(usageSeverity(usagePercent('999m', '1'))).toBe('warning');
    expect(usageSeverity(usagePercent('1', '1'))).toBe('error');
    expect(usageSeverity(usagePercent('5', '4'))).toBe('error');
  });

  it('treats a zero limit as full once anything is used', () => {
    expect(usagePercent('0', '0')).toBe(0);
    expect(usagePercent('1', '0')).toBe(100);
  });

  it('gives no share for unparseable text', () => {
    expect(usagePercent('x', '4')).toBeUndefined();
    expect(usageSeverity(undefined)).toBe('ok');
  });
});
