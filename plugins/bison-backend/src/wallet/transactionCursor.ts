import { InputError } from '@backstage/errors';

const MAX_ID = 2n ** 63n - 1n;

/**
 * Keyset cursor over ledger entries, newest first: it carries the id of the
 * last entry of the previous page. Opaque to clients.
 */
export function encodeTransactionCursor(lastId: bigint): string {
  return Buffer.from(`v1:${lastId}`, 'utf8').toString('base64url');
}

export function decodeTransactionCursor(cursor: string): bigint {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^v1:([1-9][0-9]{0,18})$/.exec(text);
  if (!match || BigInt(match[1]) > MAX_ID) {
    throw new InputError('cursor is malformed; pass the nextCursor of a page');
  }
  return BigInt(match[1]);
}
