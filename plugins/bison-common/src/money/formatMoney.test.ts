import { Currency, formatMoney, formatMoneyWithCurrency } from './formatMoney';
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
});
