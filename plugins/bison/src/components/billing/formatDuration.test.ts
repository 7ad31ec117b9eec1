import { formatMinutes } from './formatDuration';

describe('formatMinutes', () => {
  it.each([
    [0, '0 minutes'],
    [1, '1 minute'],
    [45, '45 minutes'],
    [60, '1 h'],
    [125, '2 h 5 min'],
    [1440, '1 d'],
    [4560, '3 d 4 h'],
  ])('formats %p as %p', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});
