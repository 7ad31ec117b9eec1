import { InputError } from '@backstage/errors';
import { MAX_BALANCE_MICROS } from '@bison/plugin-bison-common';
import {
  decodeTransactionCursor,
  encodeTransactionCursor,
} from './transactionCursor';

const base64url = (text: string) =>
  Buffer.from(text, 'utf8').toString('base64url');

describe('transactionCursor', () => {
  it.each([1n, 42n, 2n ** 53n + 1n, MAX_BALANCE_MICROS])(
    'round-trips id %p through an opaque, URL-safe cursor',
    id => {
      const cursor = encodeTransactionCursor(id);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(cursor).not.toContain(id.toString());
      expect(decodeTransactionCursor(cursor)).toBe(id);
    },
  );

  it.each([
    ['an empty cursor', ''],
    ['text that is not a cursor', 'abc'],
    ['id zero', base64url('v1:0')],
    ['a negative id', base64url('v1:-1')],
    ['a leading zero', base64url('v1:01')],
    ['a 20-digit id', base64url(`v1:${'1'.repeat(20)}`)],
    ['a missing id', base64url('v1:')],
    ['an unknown version', base64url('v2:5')],
    ['trailing text', base64url('v1:5 ')],
    ['a fractional id', base64url('v1:1.5')],
  ])('rejects %s with an InputError', (_, cursor) => {
    expect(() => decodeTransactionCursor(cursor)).toThrow(InputError);
  });
});
