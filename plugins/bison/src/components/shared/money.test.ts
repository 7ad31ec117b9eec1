import {
  checkAmount,
  formatAmount,
  formatExactAmount,
  isZeroAmount,
} from './money';

const usd = { code: 'USD', symbol: '$', minorUnits: 2 };

describe('formatAmount', () => {
  it('rounds API amounts half to even to the minor units, grouped', () => {
    expect(formatAmount('100.5', usd)).toBe('$100.50');
    expect(formatAmount('-2.50', usd)).toBe('-$2.50');
    expect(formatAmount('644.91495', usd)).toBe('$644.91');
    expect(formatAmount('0.125', usd)).toBe('$0.12');
    expect(formatAmount('0.135', usd)).toBe('$0.14');
    expect(formatAmount('4346.857374', usd)).toBe('$4,346.86');
    expect(formatAmount('-0.000001', usd)).toBe('-$0.00');
  });

  it('falls back to the raw string', () => {
    expect(formatAmount('1e3', usd)).toBe('1e3 USD');
  });
});

describe('formatExactAmount', () => {
  it('keeps every decimal', () => {
    expect(formatExactAmount('0.000001', usd)).toBe('$0.000001');
    expect(formatExactAmount('4346.857374', usd)).toBe('$4,346.857374');
    expect(formatExactAmount('3', usd)).toBe('$3.00');
  });
});

describe('checkAmount', () => {
  it('accepts amounts within the currency precision', () => {
    expect(checkAmount('12.50', usd)).toEqual({ ok: true, micros: 12500000n });
  });

  it('reports the domain messages', () => {
    expect(checkAmount('1.001', usd)).toEqual({
      ok: false,
      message: 'amount has more than 2 decimal places',
    });
    expect(checkAmount('', usd)).toEqual({
      ok: false,
      message: 'amount is empty',
    });
  });

  it('refuses zero unless allowed', () => {
    expect(checkAmount('0', usd)).toEqual({
      ok: false,
      message: 'amount must be greater than zero',
    });
    expect(checkAmount('0', usd, { allowZero: true })).toEqual({
      ok: true,
      micros: 0n,
    });
  });
});

describe('checkAmount with negative amounts', () => {
  it('refuses them unless allowed', () => {
    expect(checkAmount('-5', usd)).toEqual({
      ok: false,
      message: 'amount must not be negative',
    });
    expect(checkAmount('-5.25', usd, { allowNegative: true })).toEqual({
      ok: true,
      micros: -5250000n,
    });
  });
});

describe('isZeroAmount', () => {
  it('recognises zero however it is written', () => {
    expect(['0', '0.00', '-0.00', ' 00.0 '].map(isZeroAmount)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['0.01', '-1', '10'].map(isZeroAmount)).toEqual([
      false,
      false,
      false,
    ]);
  });
});
