import {
  monthLabel,
  statementFileName,
  statementPeriodLabel,
} from './statementText';

describe('monthLabel', () => {
  it('names the month and year', () => {
    expect(monthLabel('2026-03')).toBe('March 2026');
    expect(monthLabel('2025-12')).toBe('December 2025');
    expect(monthLabel('2026-01')).toBe('January 2026');
  });

  it('keeps what is not a month', () => {
    expect(monthLabel('2026-13')).toBe('2026-13');
    expect(monthLabel('March')).toBe('March');
  });
});

describe('statementPeriodLabel', () => {
  it('shows the first and last day, the end being exclusive', () => {
    expect(
      statementPeriodLabel(
        '2026-02-01T00:00:00.000Z',
        '2026-03-01T00:00:00.000Z',
        'UTC',
      ),
    ).toBe('1 February 2026 – 28 February 2026 (UTC)');
  });

  it("reads the days in the statement's time zone", () => {
    expect(
      statementPeriodLabel(
        '2026-01-31T23:00:00.000Z',
        '2026-02-28T23:00:00.000Z',
        'Europe/Berlin',
      ),
    ).toBe('1 February 2026 – 28 February 2026 (Europe/Berlin)');
  });

  it('falls back to UTC for an unknown zone', () => {
    expect(
      statementPeriodLabel(
        '2026-02-01T00:00:00.000Z',
        '2026-03-01T00:00:00.000Z',
        'Mars/Olympus',
      ),
    ).toBe('1 February 2026 – 28 February 2026 (Mars/Olympus)');
  });
});

describe('statementFileName', () => {
  it('names the team, month and format', () => {
    expect(statementFileName('ml-team', '2026-03', 'csv')).toBe(
      'ml-team-statement-2026-03.csv',
    );
    expect(statementFileName('ml-team', '2026-03', 'pdf')).toBe(
      'ml-team-statement-2026-03.pdf',
    );
  });
});
