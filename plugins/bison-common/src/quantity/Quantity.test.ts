import { formatQuantity } from './formatQuantity';
import { parseQuantity } from './parseQuantity';
import { Quantity } from './Quantity';

describe('Quantity', () => {
  it('is immutable', () => {
    const quantity = parseQuantity('64Gi');
    expect(Object.isFrozen(quantity)).toBe(true);
    expect(() => {
      (quantity as { format: string }).format = 'DecimalSI';
    }).toThrow(TypeError);
    expect(quantity.format).toBe('BinarySI');
  });

  it('exposes the exact value as a Big', () => {
    expect(parseQuantity('500m').value.toFixed()).toBe('0.5');
    expect(parseQuantity('1n').value.toFixed()).toBe('0.000000001');
    expect(parseQuantity('-64Gi').value.toFixed()).toBe('-68719476736');
  });

  it('formats quantities built from nanos in each format', () => {
    expect(formatQuantity(new Quantity(500_000_000n, 'DecimalExponent'))).toBe(
      '500e-3',
    );
    expect(formatQuantity(new Quantity(1024n * 10n ** 9n, 'DecimalSI'))).toBe(
      '1024',
    );
    expect(formatQuantity(new Quantity(1024n * 10n ** 9n, 'BinarySI'))).toBe(
      '1Ki',
    );
    expect(formatQuantity(new Quantity(1023n * 10n ** 9n, 'BinarySI'))).toBe(
      '1023',
    );
    expect(formatQuantity(new Quantity(-1024n * 10n ** 9n, 'BinarySI'))).toBe(
      '-1Ki',
    );
  });

  it('rejects values beyond the Kubernetes limit', () => {
    const max = (2n ** 63n - 1n) * 10n ** 9n;
    expect(new Quantity(max, 'DecimalSI').nanos).toBe(max);
    expect(new Quantity(-max, 'DecimalSI').nanos).toBe(-max);
    expect(() => new Quantity(max + 1n, 'DecimalSI')).toThrow(RangeError);
    expect(() => new Quantity(-max - 1n, 'DecimalSI')).toThrow(RangeError);
  });
});
