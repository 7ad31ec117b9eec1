import {
  byteHoursToGiBHours,
  decimalFromJsonNumber,
  formatDecimal,
} from './decimal';

const exact = (value: number) => formatDecimal(decimalFromJsonNumber(value));
const gib = (byteHours: number) =>
  formatDecimal(byteHoursToGiBHours(decimalFromJsonNumber(byteHours)));

describe('decimal', () => {
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
    expect(exact(value)).toBe(text);
  });

  it('rejects non-finite numbers', () => {
    expect(() => decimalFromJsonNumber(NaN)).toThrow(/finite/);
    expect(() => decimalFromJsonNumber(Infinity)).toThrow(/finite/);
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
    expect(gib(byteHours)).toBe(text);
  });

  it('refuses negative byte-hours', () => {
    expect(() => gib(-1)).toThrow(/negative/);
  });
});
