import { InputError } from '@backstage/errors';
import { parseIsoInstant } from '@bison/plugin-bison-common';
import { parseField } from './fieldErrors';

const DAY = 86_400_000;
const MAX_RANGE_DAYS = 400;

/** `from` and `to` of a report; the last 30 days by default. */
export function parseRange(query: { from?: string; to?: string }) {
  const to = query.to
    ? parseField('to', () => parseIsoInstant(query.to!))
    : new Date();
  const from = query.from
    ? parseField('from', () => parseIsoInstant(query.from!))
    : new Date(to.getTime() - 30 * DAY);
  if (from >= to) throw new InputError("'from' must be before 'to'");
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY) {
    throw new InputError(`the range may span at most ${MAX_RANGE_DAYS} days`);
  }
  return { from, to };
}
