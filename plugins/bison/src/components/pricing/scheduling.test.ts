import { aPriceBook } from '../../__testUtils__/fixtures';
import { formatDateTime } from '../shared/time';
import { describeEffectiveFrom, isScheduled } from './scheduling';

describe('describeEffectiveFrom', () => {
  it('calls the epoch the start of billing', () => {
    expect(describeEffectiveFrom('1970-01-01T00:00:00.000Z')).toBe(
      'start of billing',
    );
  });

  it('shows any other date as a date and time', () => {
    const iso = '2026-12-01T00:00:00.000Z';
    expect(describeEffectiveFrom(iso)).toBe(formatDateTime(iso));
  });
});

describe('isScheduled', () => {
  it('is true only for versions that take effect later', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const at = (effectiveFrom: string) => aPriceBook({ effectiveFrom });
    expect(isScheduled(at('2026-11-26T00:00:00Z'), now)).toBe(true);
    expect(isScheduled(at('2026-11-25T00:00:00Z'), now)).toBe(false);
  });
});
