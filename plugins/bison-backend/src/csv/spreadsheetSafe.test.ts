import { spreadsheetSafe } from './spreadsheetSafe';

describe('spreadsheetSafe', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
  ])('neutralises %p', (input, expected) => {
    expect(spreadsheetSafe(input)).toBe(expected);
  });

  it('keeps ordinary text and empty values', () => {
    expect(spreadsheetSafe('Monthly top-up = 100')).toBe(
      'Monthly top-up = 100',
    );
    expect(spreadsheetSafe(undefined)).toBe('');
    expect(spreadsheetSafe('')).toBe('');
  });
});
