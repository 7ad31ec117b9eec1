import { describeWindow } from './describeWindow';

describe('describeWindow', () => {
  it('names the day once for a window within one UTC day', () => {
    expect(
      describeWindow({
        start: new Date('2026-11-25T22:00:00Z'),
        end: new Date('2026-11-25T23:00:00Z'),
      }),
    ).toBe('Usage 2026-11-25 22:00–23:00 UTC');
  });

  it('names both days for a window that crosses midnight', () => {
    expect(
      describeWindow({
        start: new Date('2026-11-25T23:00:00Z'),
        end: new Date('2026-11-26T00:00:00Z'),
      }),
    ).toBe('Usage 2026-11-25 23:00 – 2026-11-26 00:00 UTC');
  });
});
