import { formatRelativeTime, utcStartOfDay } from './time';

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
