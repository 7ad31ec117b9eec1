import { RechargeSchedule } from './AutoRechargePolicy';
import { monthStart, scheduleOccurrences } from './scheduleOccurrences';

const iso = (dates: Date[]) => dates.map(d => d.toISOString());

// 2026-01-01 is a Thursday, so 2026-01-05 is a Monday and 2026-01-04 a Sunday.
describe('scheduleOccurrences', () => {
  describe('weekly', () => {
    it.each<[string, number, string, string, string[]]>([
      [
        'inclusive bounds exactly on occurrences',
        1,
        '2026-01-05T00:00:00.000Z',
        '2026-01-19T00:00:00.000Z',
        [
          '2026-01-05T00:00:00.000Z',
          '2026-01-12T00:00:00.000Z',
          '2026-01-19T00:00:00.000Z',
        ],
      ],
      [
        'from in the middle of the weekday skips that day',
        1,
        '2026-01-05T10:00:00.000Z',
        '2026-01-26T12:00:00.000Z',
        [
          '2026-01-12T00:00:00.000Z',
          '2026-01-19T00:00:00.000Z',
          '2026-01-26T00:00:00.000Z',
        ],
      ],
      [
        'from one millisecond after midnight skips that day',
        4,
        '2026-01-01T00:00:00.001Z',
        '2026-01-15T00:00:00.000Z',
        ['2026-01-08T00:00:00.000Z', '2026-01-15T00:00:00.000Z'],
      ],
      [
        'to one millisecond before midnight excludes that day',
        1,
        '2026-01-05T00:00:00.000Z',
        '2026-01-18T23:59:59.999Z',
        ['2026-01-05T00:00:00.000Z', '2026-01-12T00:00:00.000Z'],
      ],
      [
        'weekday 7 is Sunday',
        7,
        '2026-01-01T00:00:00.000Z',
        '2026-01-31T23:59:59.999Z',
        [
          '2026-01-04T00:00:00.000Z',
          '2026-01-11T00:00:00.000Z',
          '2026-01-18T00:00:00.000Z',
          '2026-01-25T00:00:00.000Z',
        ],
      ],
      [
        'a weekday earlier in the week than from',
        2,
        '2026-01-08T09:00:00.000Z',
        '2026-01-21T00:00:00.000Z',
        ['2026-01-13T00:00:00.000Z', '2026-01-20T00:00:00.000Z'],
      ],
      [
        'across the year boundary',
        3,
        '2025-12-25T00:00:00.000Z',
        '2026-01-08T00:00:00.000Z',
        ['2025-12-31T00:00:00.000Z', '2026-01-07T00:00:00.000Z'],
      ],
      [
        'a range within one day without the occurrence',
        1,
        '2026-01-05T00:00:00.001Z',
        '2026-01-05T23:59:59.999Z',
        [],
      ],
      [
        'an empty range when from is after to',
        1,
        '2026-01-12T00:00:00.000Z',
        '2026-01-05T00:00:00.000Z',
        [],
      ],
    ])('%s', (_, weekday, from, to, expected) => {
      const schedule: RechargeSchedule = { every: 'week', weekday };
      expect(
        iso(scheduleOccurrences(schedule, new Date(from), new Date(to))),
      ).toEqual(expected);
    });

    it('is at 00:00 UTC on the ISO weekday for every weekday', () => {
      for (let weekday = 1; weekday <= 7; weekday++) {
        const occurrences = scheduleOccurrences(
          { every: 'week', weekday },
          new Date('2026-01-05T00:00:00.000Z'),
          new Date('2026-03-01T00:00:00.000Z'),
        );
        expect(occurrences.length).toBeGreaterThanOrEqual(8);
        for (const at of occurrences) {
          expect(((at.getUTCDay() + 6) % 7) + 1).toBe(weekday);
          expect(at.getTime() % (24 * 60 * 60 * 1000)).toBe(0);
        }
      }
    });
  });

  describe('monthly', () => {
    it.each<[string, number, string, string, string[]]>([
      [
        'from after the day in the month, across December to January',
        15,
        '2025-11-20T00:00:00.000Z',
        '2026-02-15T00:00:00.000Z',
        [
          '2025-12-15T00:00:00.000Z',
          '2026-01-15T00:00:00.000Z',
          '2026-02-15T00:00:00.000Z',
        ],
      ],
      [
        'inclusive from on the day, day 28 through February',
        28,
        '2025-12-28T00:00:00.000Z',
        '2026-03-27T23:59:59.999Z',
        [
          '2025-12-28T00:00:00.000Z',
          '2026-01-28T00:00:00.000Z',
          '2026-02-28T00:00:00.000Z',
        ],
      ],
      [
        'from later on the day skips that month',
        1,
        '2025-12-01T00:00:00.001Z',
        '2026-01-01T00:00:00.000Z',
        ['2026-01-01T00:00:00.000Z'],
      ],
      [
        'from before the day in the month includes that month',
        10,
        '2025-12-03T17:00:00.000Z',
        '2026-01-09T23:59:59.999Z',
        ['2025-12-10T00:00:00.000Z'],
      ],
      [
        'a range without the day',
        20,
        '2026-01-21T00:00:00.000Z',
        '2026-02-19T23:59:59.999Z',
        [],
      ],
    ])('%s', (_, dayOfMonth, from, to, expected) => {
      const schedule: RechargeSchedule = { every: 'month', dayOfMonth };
      expect(
        iso(scheduleOccurrences(schedule, new Date(from), new Date(to))),
      ).toEqual(expected);
    });

    it('covers every month of a multi-year range once', () => {
      const occurrences = scheduleOccurrences(
        { every: 'month', dayOfMonth: 5 },
        new Date('2024-06-01T00:00:00.000Z'),
        new Date('2026-06-30T00:00:00.000Z'),
      );
      expect(occurrences).toHaveLength(25);
      expect(occurrences[0].toISOString()).toBe('2024-06-05T00:00:00.000Z');
      expect(occurrences[24].toISOString()).toBe('2026-06-05T00:00:00.000Z');
    });
  });
});

describe('monthStart', () => {
  it.each([
    ['2026-01-31T23:59:59.999Z', '2026-01-01T00:00:00.000Z'],
    ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
    ['2025-12-31T23:59:59.999Z', '2025-12-01T00:00:00.000Z'],
    ['2026-02-28T12:00:00.000Z', '2026-02-01T00:00:00.000Z'],
    ['2024-02-29T08:30:00.000Z', '2024-02-01T00:00:00.000Z'],
    // UTC, whatever the offset the instant was written with.
    ['2026-03-01T00:30:00.000+01:00', '2026-02-01T00:00:00.000Z'],
  ])('of %s is %s', (instant, expected) => {
    expect(monthStart(new Date(instant)).toISOString()).toBe(expected);
  });
});
