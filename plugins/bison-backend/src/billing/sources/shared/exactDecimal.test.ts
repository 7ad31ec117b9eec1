import {
  addDecimals,
  BYTES_PER_GIB,
  decimalFromJsonNumber,
  divideRounded,
  formatDecimal,
  isNegative,
  isZero,
  parseDecimal,
} from './exactDecimal';

describe('decimalFromJsonNumber', () => {
  it.each([
    [1.23456, '1.23456'],
    [0.00001, '0.00001'],
    [0.1, '0.1'],
    [64, '64'],
    [0, '0'],
    [-0, '0'],
    [12345678901.23456, '12345678901.23456'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-2.5, '-2.5'],
  ])('reads the JSON number %p as %s', (value, text) => {
    expect(formatDecimal(decimalFromJsonNumber(value))).toBe(text);
  });

  it('rejects non-finite numbers', () => {
    expect(() => decimalFromJsonNumber(NaN)).toThrow(/finite/);
    expect(() => decimalFromJsonNumber(Infinity)).toThrow(/finite/);
  });
});

describe('parseDecimal', () => {
  it.each([
    ['0', '0'],
    ['-0', '0'],
    ['2', '2'],
    ['0.1', '0.1'],
    ['120.00000000000003', '120.00000000000003'],
    ['1e2', '100'],
    ['1.5E-7', '0.00000015'],
    ['-3.25', '-3.25'],
    ['+4', '4'],
    ['5.', '5'],
    ['1.500', '1.5'],
  ])('reads %s exactly', (text, decimal) => {
    expect(formatDecimal(parseDecimal(text))).toBe(decimal);
  });

  it.each(['NaN', '+Inf', '-Inf', '', '1,5', '0x10', ' 1', '.5', '1e999'])(
    'refuses %j',
    text => {
      expect(() => parseDecimal(text)).toThrow(RangeError);
    },
  );
});

describe('addDecimals', () => {
  it('adds exactly across scales', () => {
    const sum = addDecimals(parseDecimal('0.1'), parseDecimal('0.2'));
    expect(formatDecimal(sum)).toBe('0.3');
    expect(
      formatDecimal(addDecimals(parseDecimal('1e3'), parseDecimal('0.001'))),
    ).toBe('1000.001');
  });
});

describe('isNegative and isZero', () => {
  it.each([
    ['-0.000001', true, false],
    ['-0', false, true],
    ['0', false, true],
    ['0.000001', false, false],
  ])('%s', (text, negative, zero) => {
    expect(isNegative(parseDecimal(text))).toBe(negative);
    expect(isZero(parseDecimal(text))).toBe(zero);
  });
});

describe('divideRounded', () => {
  const divide = (text: string, divisor: bigint, decimals = 6) =>
    formatDecimal(divideRounded(parseDecimal(text), divisor, decimals));

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

  it.each([
    [68719476736, '64'],
    [536870912, '0.5'],
    [1073741824.75, '1.000000001'],
    [12345678901.23456, '11.49780946'],
    // exact ties, rounded half to even:
    [1048576, '0.000976562'], // 0.0009765625
    [3145728, '0.002929688'], // 0.0029296875
    [0.5, '0'], // 4.66e-10
    [1, '0.000000001'], // 9.31e-10
  ])('converts %p byte-hours to %s GiB-hours', (byteHours, text) => {
    expect(
      formatDecimal(
        divideRounded(decimalFromJsonNumber(byteHours), BYTES_PER_GIB, 9),
      ),
    ).toBe(text);
  });

  it('converts byte-minutes to GiB-hours', () => {
    expect(divide(String(6 * 2 ** 30 * 60), 60n * BYTES_PER_GIB)).toBe('6');
    expect(divide('1', 60n * BYTES_PER_GIB, 30)).toBe(
      '0.00000000001552204291025797526',
    );
  });

  it('takes other numbers of decimals', () => {
    expect(divide('2', 3n, 0)).toBe('1');
    expect(divide('2.5', 1n, 0)).toBe('2');
    expect(divide('3.5', 1n, 0)).toBe('4');
  });

  it('rounds once, not first to more decimals', () => {
    // 0.00000149…9: rounding first to 64 decimals would make it a tie,
    // 0.0000015, and then 0.000002.
    expect(divide(`0.0000014${'9'.repeat(80)}`, 1n)).toBe('0.000001');
    expect(divide('1', 3n, 70)).toBe(`0.${'3'.repeat(70)}`);
  });

  it('refuses a divisor that is not positive', () => {
    expect(() => divide('1', 0n)).toThrow(RangeError);
    expect(() => divide('1', -60n)).toThrow(RangeError);
  });
});
