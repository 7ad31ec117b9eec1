import { formatTimeLeft } from './countdown';

describe('formatTimeLeft', () => {
  const now = new Date('2026-12-01T10:00:00Z');

  it('gives whole minutes left, never rounding up', () => {
    expect(formatTimeLeft('2026-12-01T15:12:59Z', now)).toBe('5 h 12 min');
    expect(formatTimeLeft('2026-12-01T10:45:30Z', now)).toBe('45 minutes');
    expect(formatTimeLeft('2026-12-03T14:00:00Z', now)).toBe('2 d 4 h');
    expect(formatTimeLeft('2026-12-01T10:00:20Z', now)).toBe(
      'less than a minute',
    );
  });

  it('gives nothing once the instant has passed or cannot be read', () => {
    expect(formatTimeLeft('2026-12-01T10:00:00Z', now)).toBeUndefined();
    expect(formatTimeLeft('2026-12-01T09:00:00Z', now)).toBeUndefined();
    expect(formatTimeLeft('soon', now)).toBeUndefined();
  });
});
