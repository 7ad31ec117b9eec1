import {
  formatApproxDuration,
  formatRelativeTime,
  formatShortDate,
  utcStartOfDay,
} from './time';

describe('utcStartOfDay', () => {
  it('turns a date input value into the RFC 3339 start of that UTC day', () => {
    expect(utcStartOfDay('2026-01-31')).toBe('2026-01-31T00:00:00Z');
  });

  it('gives the start of the next day for an inclusive end', () => {
    expect(utcStartOfDay('2026-01-31', { dayAfter: true })).toBe(
      '2026-02-01T00:00:00Z',
    );
    expect(utcStartOfDay('2026-12-31', { dayAfter: true })).toBe(
      '2027-01-01T00:00:00Z',
    );
  });

  it('ignores empty and malformed values', () => {
    expect(utcStartOfDay('')).toBeUndefined();
    expect(utcStartOfDay('31/01/2026')).toBeUndefined();
  });
});

describe('formatRelativeTime', () => {
  const now = new Date('2026-03-10T12:00:00Z');

  it('describes past instants in the largest fitting unit', () => {
    expect(formatRelativeTime('2026-03-10T11:59:30Z', now)).toBe(
      '30 seconds ago',
    );
    expect(formatRelativeTime('2026-03-10T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelativeTime('2026-03-09T12:00:00Z', now)).toBe('yesterday');
    expect(formatRelativeTime('2026-03-05T12:00:00Z', now)).toBe('5 days ago');
  });

  it('returns unparseable input unchanged', () => {
    expect(formatRelativeTime('soon', now)).toBe('soon');
  });
});

describe('formatApproxDuration', () => {
  const HOUR = 3_600_000;

  it('rounds to hours within a day and to days beyond', () => {
    expect(formatApproxDuration(20 * 60_000)).toBe('less than an hour');
    expect(formatApproxDuration(HOUR)).toBe('~1 hour');
    expect(formatApproxDuration(5.4 * HOUR)).toBe('~5 hours');
    expect(formatApproxDuration(30 * HOUR)).toBe('~1 day');
    expect(formatApproxDuration(3 * 24 * HOUR + 5 * HOUR)).toBe('~3 days');
  });
});

describe('formatShortDate', () => {
  const now = new Date(2026, 11, 1, 12);

  it('gives day and month, and the year only when it is another one', () => {
    expect(formatShortDate(new Date(2026, 11, 5, 10).toISOString(), now)).toBe(
      '5 Dec',
    );
    expect(formatShortDate(new Date(2027, 0, 2, 10).toISOString(), now)).toBe(
      '2 Jan 2027',
    );
    expect(formatShortDate('soon', now)).toBe('soon');
  });
});
