import { InvalidQuantityError } from '../errors';
import { formatQuantity } from './formatQuantity';
import { parseQuantity } from './parseQuantity';
import { QuantityFormat } from './Quantity';

const GIGA = 10n ** 9n; // nanos per unit

describe('parseQuantity', () => {
  it.each<[string, bigint, QuantityFormat, string]>([
    // text, value in nanos, format, canonical form
    ['0', 0n, 'DecimalSI', '0'],
    ['-0', 0n, 'DecimalSI', '0'],
    ['0Gi', 0n, 'BinarySI', '0'],
    ['0e500', 0n, 'DecimalExponent', '0'],
    ['1', GIGA, 'DecimalSI', '1'],
    ['+1', GIGA, 'DecimalSI', '1'],
    ['00010', 10n * GIGA, 'DecimalSI', '10'],
    ['500m', GIGA / 2n, 'DecimalSI', '500m'],
    ['0.5', GIGA / 2n, 'DecimalSI', '500m'],
    ['.5', GIGA / 2n, 'DecimalSI', '500m'],
    ['5.', 5n * GIGA, 'DecimalSI', '5'],
    ['-500m', -GIGA / 2n, 'DecimalSI', '-500m'],
    ['1.5', 1_500_000_000n, 'DecimalSI', '1500m'],
    ['100m', 100_000_000n, 'DecimalSI', '100m'],
    ['1500', 1500n * GIGA, 'DecimalSI', '1500'],
    ['2000', 2000n * GIGA, 'DecimalSI', '2k'],
    ['1500000', 1_500_000n * GIGA, 'DecimalSI', '1500k'],
    ['2k', 2000n * GIGA, 'DecimalSI', '2k'],
    ['1M', 10n ** 6n * GIGA, 'DecimalSI', '1M'],
    ['1G', 10n ** 9n * GIGA, 'DecimalSI', '1G'],
    ['1T', 10n ** 12n * GIGA, 'DecimalSI', '1T'],
    ['1P', 10n ** 15n * GIGA, 'DecimalSI', '1P'],
    ['1E', 10n ** 18n * GIGA, 'DecimalSI', '1E'],
    ['9E', 9n * 10n ** 18n * GIGA, 'DecimalSI', '9E'],
    ['1n', 1n, 'DecimalSI', '1n'],
    ['1u', 1000n, 'DecimalSI', '1u'],
    ['1000n', 1000n, 'DecimalSI', '1u'],
    ['1500n', 1500n, 'DecimalSI', '1500n'],
    ['123456789n', 123_456_789n, 'DecimalSI', '123456789n'],
    ['0.000000001', 1n, 'DecimalSI', '1n'],
    [
      '9223372036854775807',
      (2n ** 63n - 1n) * GIGA,
      'DecimalSI',
      '9223372036854775807',
    ],
    ['1Ki', 1024n * GIGA, 'BinarySI', '1Ki'],
    ['1024Ki', 1024n ** 2n * GIGA, 'BinarySI', '1Mi'],
    ['64Gi', 64n * 1024n ** 3n * GIGA, 'BinarySI', '64Gi'],
    ['-64Gi', -64n * 1024n ** 3n * GIGA, 'BinarySI', '-64Gi'],
    ['1536Mi', 1536n * 1024n ** 2n * GIGA, 'BinarySI', '1536Mi'],
    ['1.5Gi', 1536n * 1024n ** 2n * GIGA, 'BinarySI', '1536Mi'],
    ['1Ti', 1024n ** 4n * GIGA, 'BinarySI', '1Ti'],
    ['1Pi', 1024n ** 5n * GIGA, 'BinarySI', '1Pi'],
    ['7Ei', 7n * 1024n ** 6n * GIGA, 'BinarySI', '7Ei'],
    // BinarySI below 1024 or with a fraction is shown as DecimalSI
    ['0.5Ki', 512n * GIGA, 'BinarySI', '512'],
    ['0.1Ki', 102_400_000_000n, 'BinarySI', '102400m'],
    ['1.1Ki', 1_126_400_000_000n, 'BinarySI', '1126400m'],
    ['1e3', 1000n * GIGA, 'DecimalExponent', '1e3'],
    ['1E3', 1000n * GIGA, 'DecimalExponent', '1e3'],
    ['1e+3', 1000n * GIGA, 'DecimalExponent', '1e3'],
    ['12E-3', 12_000_000n, 'DecimalExponent', '12e-3'],
    ['1e0', GIGA, 'DecimalExponent', '1'],
    ['1000e-3', GIGA, 'DecimalExponent', '1'],
    ['1.5e3', 1500n * GIGA, 'DecimalExponent', '1500'],
    ['0.5e3', 500n * GIGA, 'DecimalExponent', '500'],
    ['1e-9', 1n, 'DecimalExponent', '1e-9'],
    ['1e18', 10n ** 18n * GIGA, 'DecimalExponent', '1e18'],
    ['-2e6', -2n * 10n ** 6n * GIGA, 'DecimalExponent', '-2e6'],
  ])('parses %j', (text, nanos, format, canonical) => {
    const quantity = parseQuantity(text);
    expect(quantity.nanos).toBe(nanos);
    expect(quantity.format).toBe(format);
    expect(formatQuantity(quantity)).toBe(canonical);
  });

  it.each<[string, string]>([
    ['', 'quantity is empty'],
    [' 1', 'whitespace'],
    ['1 ', 'whitespace'],
    ['1 Gi', 'whitespace'],
    ['64Gb', "unknown suffix 'Gb'"],
    ['1KiB', "unknown suffix 'KiB'"],
    ['1ki', "unknown suffix 'ki'"],
    ['1K', "unknown suffix 'K'"],
    ['1e', "unknown suffix 'e'"],
    ['1m3', "unknown suffix 'm3'"],
    ['1e1.5', "unknown suffix 'e1.5'"],
    ['1.5.3', 'not a valid Kubernetes quantity'],
    ['Gi', 'not a valid Kubernetes quantity'],
    ['m', 'not a valid Kubernetes quantity'],
    ['.', 'not a valid Kubernetes quantity'],
    ['-', 'not a valid Kubernetes quantity'],
    ['+', 'not a valid Kubernetes quantity'],
    ['--1', 'not a valid Kubernetes quantity'],
    ['+-1', 'not a valid Kubernetes quantity'],
    ['NaN', 'not a valid Kubernetes quantity'],
    ['Infinity', 'not a valid Kubernetes quantity'],
    ['0x10', "unknown suffix 'x10'"],
    ['1,5', 'not a valid Kubernetes quantity'],
    ['\u0661', 'not a valid Kubernetes quantity'],
    ['8Ei', 'larger in magnitude than the Kubernetes limit'],
    ['-8Ei', 'larger in magnitude than the Kubernetes limit'],
    ['9223372036854775808', 'larger in magnitude than the Kubernetes limit'],
    ['10E', 'larger in magnitude than the Kubernetes limit'],
    ['1e19', 'larger in magnitude than the Kubernetes limit'],
    ['1e101', 'larger in magnitude than the Kubernetes limit'],
    ['1e99999999999', 'larger in magnitude than the Kubernetes limit'],
    ['1e-10', 'more precise than the Kubernetes limit of 1n'],
    ['0.1n', 'more precise than the Kubernetes limit of 1n'],
    ['0.0000000001', 'more precise than the Kubernetes limit of 1n'],
    ['1e-101', 'more precise than the Kubernetes limit of 1n'],
    ['1'.repeat(65), 'longer than 64 characters'],
  ])('rejects %j', (text, message) => {
    const parse = () => parseQuantity(text);
    expect(parse).toThrow(InvalidQuantityError);
    expect(parse).toThrow(message);
  });

  it('rejects values that are not strings', () => {
    expect(() => parseQuantity(1 as unknown as string)).toThrow(
      InvalidQuantityError,
    );
  });
});
