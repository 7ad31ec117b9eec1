import {
  Currency,
  formatMoney,
  formatMoneyWithCurrency,
  FormatMoneyWithCurrencyOptions,
} from './formatMoney';
import { MAX_BALANCE_MICROS } from './micros';

describe('formatMoney', () => {
  it.each<[bigint, number | undefined, string]>([
    [0n, undefined, '0.00'],
    [1n, undefined, '0.000001'],
    [-1n, undefined, '-0.000001'],
    [100_500_000n, undefined, '100.50'],
    [-2_500_000n, undefined, '-2.50'],
    [120_000n, undefined, '0.12'],
    [1_234_000n, undefined, '1.234'],
    [123_456_789n, undefined, '123.456789'],
    [10n ** 18n, undefined, '1000000000000.00'],
    [MAX_BALANCE_MICROS, undefined, '9223372036854.775807'],
    [1_000_000n, 0, '1'],
    [1_500_000n, 0, '1.5'],
    [1_000_000n, 6, '1.000000'],
    [-10n, 4, '-0.00001'],
  ])('formats %p with decimals %p as %j', (micros, decimals, expected) => {
    expect(formatMoney(micros, { decimals })).toBe(expected);
  });

  it.each([-1, 7, 2.5])('rejects decimals %p', decimals => {
    expect(() => formatMoney(1n, { decimals })).toThrow(RangeError);
  });
});

describe('formatMoneyWithCurrency', () => {
  const usd: Currency = { code: 'USD', symbol: '$', minorUnits: 2 };
  const eur: Currency = { code: 'EUR', symbol: '€', minorUnits: 2 };
  const jpy: Currency = { code: 'JPY', minorUnits: 0 };
  const bhd: Currency = { code: 'BHD', minorUnits: 3 };

  it.each<[bigint, Currency, string]>([
    [100_500_000n, usd, '$100.50'],
    [-2_500_000n, eur, '-€2.50'],
    [0n, usd, '$0.00'],
    [1n, usd, '$0.000001'],
    [1_500_000_000n, jpy, '1500 JPY'],
    [-1_500_000n, jpy, '-1.5 JPY'],
    [1_500_000n, bhd, '1.500 BHD'],
  ])('formats %p in %j as %j', (micros, currency, expected) => {
    expect(formatMoneyWithCurrency(micros, currency)).toBe(expected);
  });

  it('rejects an invalid number of minor units', () => {
    expect(() =>
      formatMoneyWithCurrency(1n, { code: 'XXX', minorUnits: 7 }),
    ).toThrow(RangeError);
  });

  it.each<[bigint, Currency, string]>([
    [644_914_950n, usd, '$644.91'],
    [4_346_857_374n, usd, '$4346.86'],
    [-12_345_678n, usd, '-$12.35'],
    [-1n, usd, '-$0.00'],
    [1_499_999n, jpy, '1 JPY'],
    [1_234_567n, bhd, '1.235 BHD'],
  ])('rounds %p in %j to minor units as %j', (micros, currency, expected) => {
    expect(
      formatMoneyWithCurrency(micros, currency, { precision: 'minorUnits' }),
    ).toBe(expected);
  });

  it.each<[bigint, FormatMoneyWithCurrencyOptions, string]>([
    [1_234_567_890_000n, { grouping: true }, '$1,234,567.89'],
    [-1_234_000_000n, { grouping: true }, '-$1,234.00'],
    [999_000_000n, { grouping: true }, '$999.00'],
    [1_000_000_000_001n, { grouping: true }, '$1,000,000.000001'],
    [
      1_234_567_890_000n,
      { grouping: true, precision: 'minorUnits' },
      '$1,234,567.89',
    ],
  ])('formats %p with %j as %j', (micros, options, expected) => {
    expect(formatMoneyWithCurrency(micros, usd, options)).toBe(expected);
  });
});
