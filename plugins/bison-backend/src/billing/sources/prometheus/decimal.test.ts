import {
  addDecimals,
  divideRounded,
  formatDecimal,
  parseSampleValue,
} from './decimal';

describe('parseSampleValue', () => {
  it.each([
    ['0', '0'],
    ['2', '2'],
    ['0.1', '0.1'],
    ['120.00000000000003', '120.00000000000003'],
    ['1e2', '100'],
    ['1.5E-7', '0.00000015'],
    ['-3.25', '-3.25'],
    ['+4', '4'],
    ['5.', '5'],
  ])('reads %s exactly', (text, decimal) => {
    expect(formatDecimal(parseSampleValue(text))).toBe(decimal);
  });

  it.each(['NaN', '+Inf', '-Inf', '', '1,5', '0x10', ' 1', '1e999'])(
    'refuses %j',
    text => {
      expect(() => parseSampleValue(text)).toThrow(RangeError);
    },
  );
});

describe('addDecimals', () => {
  it('adds exactly across scales', () => {
    const sum = addDecimals(parseSampleValue('0.1'), parseSampleValue('0.2'));
    expect(formatDecimal(sum)).toBe('0.3');
    expect(
      formatDecimal(
        addDecimals(parseSampleValue('1e3'), parseSampleValue('0.001')),
      ),
    ).toBe('1000.001');
  });
});

describe('divideRounded', () => {
  const divide = (text: string, divisor: bigint, decimals?: number) =>
    divideRounded(parseSampleValue(text), divisor, decimals);

  it('divides exactly and rounds half to even to 6 decimals', () => {
    expect(divide('120', 60n)).toBe('2');
    expect(divide('25', 60n)).toBe('0.416667');
    expect(divide('120.00000000000003', 60n)).toBe('2');
    expect(divide('119.99999999999997', 60n)).toBe('2');
    expect(divide('0.00003', 60n)).toBe('0'); // 0.0000005 → even 0
    expect(divide('0.00009', 60n)).toBe('0.000002'); // 0.0000015 → even 2
    expect(divide('0.00015', 60n)).toBe('0.000002'); // 0.0000025 → even 2
    expect(divide('0.000030000001', 60n)).toBe('0.000001');
    expect(divide('-0.00009', 60n)).toBe('-0.000002');
    expect(divide('-0.00001', 60n)).toBe('0');
  });

  it('converts byte-minutes to GiB-hours', () => {
    expect(divide(String(6 * 2 ** 30 * 60), 60n * 2n ** 30n)).toBe('6');
    expect(divide('1', 60n * 2n ** 30n, 30)).toBe(
      '0.00000000001552204291025797526',
    );
  });

  it('takes other numbers of decimals', () => {
    expect(divide('2', 3n, 0)).toBe('1');
    expect(divide('2.5', 1n, 0)).toBe('2');
    expect(divide('3.5', 1n, 0)).toBe('4');
    expect(() => divide('1', 0n)).toThrow(RangeError);
  });
});
