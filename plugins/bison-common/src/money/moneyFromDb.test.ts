import { InvalidAmountError } from '../errors';
import { MAX_BALANCE_MICROS } from './micros';
import { moneyFromDb } from './moneyFromDb';

describe('moneyFromDb', () => {
  it.each<[string | number | bigint, bigint]>([
    ['0', 0n],
    ['123', 123n],
    ['-123', -123n],
    ['9223372036854775807', MAX_BALANCE_MICROS],
    ['-9223372036854775807', -MAX_BALANCE_MICROS],
    ['000000000000000000000042', 42n],
    [0, 0n],
    [-5, -5n],
    [Number.MAX_SAFE_INTEGER, 9007199254740991n],
    [42n, 42n],
    [MAX_BALANCE_MICROS, MAX_BALANCE_MICROS],
  ])('converts %p', (value, expected) => {
    expect(moneyFromDb(value)).toBe(expected);
  });

  it.each<[unknown, string]>([
    ['', 'not an integer'],
    ['1.5', 'not an integer'],
    ['1e3', 'not an integer'],
    [' 1', 'not an integer'],
    ['+1', 'not an integer'],
    ['abc', 'not an integer'],
    [1.5, 'not an integer'],
    [NaN, 'not an integer'],
    [Infinity, 'not an integer'],
    [Number.MAX_SAFE_INTEGER + 1, 'lost precision'],
    [2 ** 60, 'lost precision'],
    ['9223372036854775808', 'outside the 64-bit range'],
    ['-9223372036854775808', 'outside the 64-bit range'],
    ['1'.repeat(1000), 'outside the 64-bit range'],
    [MAX_BALANCE_MICROS + 1n, 'outside the 64-bit range'],
    [null, 'unexpected type'],
    [undefined, 'unexpected type'],
  ])('rejects %p', (value, message) => {
    const convert = () => moneyFromDb(value as string);
    expect(convert).toThrow(InvalidAmountError);
    expect(convert).toThrow(message);
  });
});
