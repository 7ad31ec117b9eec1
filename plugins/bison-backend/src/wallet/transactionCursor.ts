import { InputError } from '@backstage/errors';
import { TransactionCursor } from './WalletStore';

const MAX_ID = 2n ** 63n - 1n;
const CURSOR = /^v2:(0|[1-9][0-9]{0,15}):([1-9][0-9]{0,18})$/;

/**
 * Keyset cursor over ledger entries, newest first: the time and id of the
 * last entry of the previous page. Opaque to clients.
 */
export function encodeTransactionCursor(cursor: TransactionCursor): string {
  return Buffer.from(
    `v2:${cursor.createdAt.getTime()}:${cursor.id}`,
    'utf8',
  ).toString('base64url');
}

export function decodeTransactionCursor(text: string): TransactionCursor {
  const match = CURSOR.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (!match || BigInt(match[2]) > MAX_ID || Number(match[1]) > 8.64e15) {
    throw new InputError('cursor is malformed; pass the nextCursor of a page');
  }
  return { createdAt: new Date(Number(match[1])), id: BigInt(match[2]) };
}
