import { InvalidAmountError } from '../errors';
import { MAX_AMOUNT_MICROS } from './micros';
import { ParseMoneyOptions, parseMoney } from './parseMoney';

const negative: ParseMoneyOptions = { allowNegative: true };

describe('parseMoney', () => {
  it.each<[string, ParseMoneyOptions | undefined, bigint]>([
    ['0', undefined, 0n],
    ['1', undefined, 1_000_000n],
    ['12.5', undefined, 12_500_000n],
    ['12.50', undefined, 12_500_000n],
    ['0.000001', undefined, 1n],
    ['100.123456', undefined, 100_123_456n],
    ['007.5', undefined, 7_500_000n],
    ['0000000000000000000000001', undefined, 1_000_000n],
    ['1000000000000', undefined, MAX_AMOUNT_MICROS],
    ['999999999999.999999', undefined, MAX_AMOUNT_MICROS - 1n],
    ['12.34', { maxDecimals: 2 }, 12_340_000n],
    ['12', { maxDecimals: 0 }, 12_000_000n],
    ['-0', negative, 0n],
    ['-0.00', negative, 0n],
    ['-2.5', negative, -2_500_000n],
    ['-0.000001', negative, -1n],
    ['-1000000000000', negative, -MAX_AMOUNT_MICROS],
  ])('parses %j (%j) as %p', (text, options, expected) => {
    expect(parseMoney(text, options)).toBe(expected);
  });

  it.each<[string, ParseMoneyOptions | undefined, string]>([
    ['', undefined, 'amount is empty'],
    [' 1', undefined, 'whitespace'],
    ['1 ', undefined, 'whitespace'],
    ['1\n', undefined, 'whitespace'],
    ['1 000', undefined, 'whitespace'],
    ['+1', undefined, "must not start with '+'"],
    ['1e3', undefined, 'exponent notation'],
    ['1.5E-3', undefined, 'exponent notation'],
    ['NaN', undefined, 'plain decimal number'],
    ['Infinity', undefined, 'plain decimal number'],
    ['-Infinity', negative, 'plain decimal number'],
    ['0x10', undefined, 'plain decimal number'],
    ['1,000', undefined, "must not contain ','"],
    ['1,5', undefined, "must not contain ','"],
    ['.5', undefined, "digit before '.'"],
    ['-.5', negative, "digit before '.'"],
    ['5.', undefined, "digit after '.'"],
    ['1.2.3', undefined, 'plain decimal number'],
    ['--1', negative, 'plain decimal number'],
    ['1-', negative, 'plain decimal number'],
    ['$1', undefined, 'plain decimal number'],
    ['\u0661\u0662', undefined, 'plain decimal number'],
    ['\uff11', undefined, 'plain decimal number'],
    ['1.0000001', undefined, 'more than 6 decimal places'],
    ['12.345', { maxDecimals: 2 }, 'more than 2 decimal places'],
    ['1.5', { maxDecimals: 0 }, 'must be a whole number'],
    ['-1', undefined, 'must not be negative'],
    ['-0', undefined, 'must not be negative'],
    ['1000000000000.000001', undefined, 'exceeds the maximum of 1000000000000'],
    ['-1000000000000.000001', negative, 'exceeds the maximum'],
    ['99999999999999999999999999', undefined, 'exceeds the maximum'],
  ])('rejects %j (%j)', (text, options, message) => {
    const parse = () => parseMoney(text, options);
    expect(parse).toThrow(InvalidAmountError);
    expect(parse).toThrow(message);
  });

  it('rejects values that are not strings', () => {
    expect(() => parseMoney(12 as unknown as string)).toThrow(
      InvalidAmountError,
    );
  });

  it.each([-1, 7, 1.5, NaN])('rejects maxDecimals %p', maxDecimals => {
    expect(() => parseMoney('1', { maxDecimals })).toThrow(RangeError);
  });
});
