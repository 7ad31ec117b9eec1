import { addQuantity, compareQuantity } from './arithmetic';
import { formatQuantity } from './formatQuantity';
import { parseQuantity } from './parseQuantity';

const q = parseQuantity;

describe('quantity arithmetic', () => {
  it.each<[string, string, -1 | 0 | 1]>([
    ['1Gi', '1G', 1],
    ['1G', '1Gi', -1],
    ['1000m', '1', 0],
    ['1e3', '1k', 0],
    ['-1', '0', -1],
    ['1n', '0', 1],
  ])('compares %j with %j as %p', (a, b, expected) => {
    expect(compareQuantity(q(a), q(b))).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['500m', '1.5', '2'],
    ['1Gi', '1Gi', '2Gi'],
    ['1Gi', '512Mi', '1536Mi'],
    ['0', '1Gi', '1Gi'], // a zero left operand takes the other's format
    ['1k', '1Ki', '2024'],
    ['1Ki', '1k', '2024'], // 2024 bytes is not a multiple of 1024
    ['1n', '-1n', '0'],
    ['1e3', '1', '1001'],
  ])('%j + %j = %j', (a, b, expected) => {
    expect(formatQuantity(addQuantity(q(a), q(b)))).toBe(expected);
  });

  it('rejects sums beyond the Kubernetes limit', () => {
    expect(() => addQuantity(q('7Ei'), q('1Ei'))).toThrow(RangeError);
  });
});
