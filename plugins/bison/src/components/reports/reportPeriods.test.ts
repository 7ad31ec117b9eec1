import {
  describePeriod,
  REPORT_PERIODS,
  reportFileName,
  reportPeriodRange,
} from './reportPeriods';

const now = new Date('2026-03-10T14:25:30.000Z');

describe('reportPeriodRange', () => {
  it('ends the last 7, 30 and 90 days now', () => {
    expect(reportPeriodRange('7d', now)).toEqual({
      from: '2026-03-03T14:25:30.000Z',
      to: '2026-03-10T14:25:30.000Z',
    });
    expect(reportPeriodRange('30d', now)).toEqual({
      from: '2026-02-08T14:25:30.000Z',
      to: '2026-03-10T14:25:30.000Z',
    });
    expect(reportPeriodRange('90d', now)).toEqual({
      from: '2025-12-10T14:25:30.000Z',
      to: '2026-03-10T14:25:30.000Z',
    });
  });

  it('starts month to date on the 1st at 00:00 UTC', () => {
    expect(reportPeriodRange('mtd', now)).toEqual({
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-10T14:25:30.000Z',
    });
  });

  it('covers the whole previous month, ending where this one starts', () => {
    expect(reportPeriodRange('lastMonth', now)).toEqual({
      from: '2026-02-01T00:00:00.000Z',
      to: '2026-03-01T00:00:00.000Z',
    });
  });

  it('reaches into the previous year in January', () => {
    const january = new Date('2026-01-15T08:00:00.000Z');
    expect(reportPeriodRange('lastMonth', january)).toEqual({
      from: '2025-12-01T00:00:00.000Z',
      to: '2026-01-01T00:00:00.000Z',
    });
    expect(reportPeriodRange('mtd', january).from).toBe(
      '2026-01-01T00:00:00.000Z',
    );
  });

  it('uses UTC months whatever the time of day', () => {
    const lateOnTheLast = new Date('2026-02-28T23:59:59.999Z');
    expect(reportPeriodRange('mtd', lateOnTheLast).from).toBe(
      '2026-02-01T00:00:00.000Z',
    );
  });

  it("uses the installation's time zone for months", () => {
    // 00:30 on 1 March in Berlin is still February in UTC.
    const earlyInBerlin = new Date('2026-02-28T23:30:00.000Z');
    expect(reportPeriodRange('mtd', earlyInBerlin, 'Europe/Berlin')).toEqual({
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-02-28T23:30:00.000Z',
    });
    // Last month ends where summer time has not started yet.
    expect(
      reportPeriodRange(
        'lastMonth',
        new Date('2026-04-10T12:00:00Z'),
        'Europe/Berlin',
      ),
    ).toEqual({
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-31T22:00:00.000Z',
    });
  });

  it('offers every period with a label', () => {
    expect(REPORT_PERIODS.map(p => p.label)).toEqual([
      'Last 7 days',
      'Last 30 days',
      'Last 90 days',
      'Month to date',
      'Last month',
    ]);
    for (const { id } of REPORT_PERIODS) {
      const { from, to } = reportPeriodRange(id, now);
      expect(from < to).toBe(true);
    }
  });
});

describe('describePeriod', () => {
  it('shows both ends in UTC to the minute', () => {
    expect(
      describePeriod('2026-02-01T00:00:00.000Z', '2026-03-10T14:25:30.000Z'),
    ).toBe('2026-02-01 00:00 to 2026-03-10 14:25 UTC');
  });

  it('shows both ends in the time zone it is given', () => {
    expect(
      describePeriod(
        '2026-02-28T23:00:00.000Z',
        '2026-03-31T22:00:00.000Z',
        'Europe/Berlin',
      ),
    ).toBe('2026-03-01 00:00 to 2026-04-01 00:00 Europe/Berlin');
  });

  it('keeps what it cannot read', () => {
    expect(describePeriod('soon', '2026-03-01T00:00:00Z')).toBe(
      'soon to 2026-03-01 00:00 UTC',
    );
  });
});

describe('reportFileName', () => {
  it("names the report and its period's dates", () => {
    const range = reportPeriodRange('lastMonth', now);
    expect(reportFileName('teams', range)).toBe(
      'bison-teams-report-2026-02-01-to-2026-03-01.csv',
    );
    expect(reportFileName('projects', range)).toBe(
      'bison-projects-report-2026-02-01-to-2026-03-01.csv',
    );
  });

  it("names the dates of the reports' time zone", () => {
    const range = reportPeriodRange('lastMonth', now, 'Europe/Berlin');
    expect(reportFileName('teams', range, 'Europe/Berlin')).toBe(
      'bison-teams-report-2026-02-01-to-2026-03-01.csv',
    );
  });
});
