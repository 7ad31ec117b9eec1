import {
  DIFFERENCE_FILTERS,
  emptyDifferencesText,
  windowText,
} from './differenceText';

function local(year: number, month: number, day: number, hour: number) {
  return new Date(year, month - 1, day, hour).toISOString();
}

describe('windowText', () => {
  it('shows a window within a day with its end time only', () => {
    expect(windowText(local(2026, 11, 2, 10), local(2026, 11, 2, 11))).toBe(
      '2026-11-02 10:00–11:00',
    );
  });

  it("shows the end's date when the window ends on another day", () => {
    expect(windowText(local(2026, 11, 2, 23), local(2026, 11, 3, 0))).toBe(
      '2026-11-02 23:00–2026-11-03 00:00',
    );
  });
});

describe('emptyDifferencesText', () => {
  it('has a text for every filter', () => {
    for (const { value } of DIFFERENCE_FILTERS) {
      expect(emptyDifferencesText(value)).toMatch(/\.$/);
    }
    expect(emptyDifferencesText('open')).toMatch(
      /agrees with the usage source/,
    );
  });
});
