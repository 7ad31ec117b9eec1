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
      const position = { createdAt: new Date('2026-03-01T12:34:56.789Z'), id };
      const cursor = encodeTransactionCursor(position);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(cursor).not.toContain(id.toString());
      expect(decodeTransactionCursor(cursor)).toEqual(position);
    },
  );

  it('round-trips the epoch', () => {
    const position = { createdAt: new Date(0), id: 7n };
    expect(decodeTransactionCursor(encodeTransactionCursor(position))).toEqual(
      position,
    );
  });

  it.each([
    ['an empty cursor', ''],
    ['text that is not a cursor', 'abc'],
    ['id zero', base64url('v2:1000:0')],
    ['a negative id', base64url('v2:1000:-1')],
    ['a leading zero', base64url('v2:1000:01')],
    ['a 20-digit id', base64url(`v2:1000:${'1'.repeat(20)}`)],
    ['an id beyond int64', base64url('v2:1000:9223372036854775808')],
    ['a missing id', base64url('v2:1000:')],
    ['a missing time', base64url('v2::5')],
    ['a negative time', base64url('v2:-1:5')],
    ['a time beyond the Date range', base64url('v2:9999999999999999:5')],
    ['an old version', base64url('v1:5')],
    ['trailing text', base64url('v2:1000:5 ')],
    ['a fractional id', base64url('v2:1000:1.5')],
  ])('rejects %s with an InputError', (_, cursor) => {
    expect(() => decodeTransactionCursor(cursor)).toThrow(InputError);
  });
});
