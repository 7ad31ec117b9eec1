import { formatShare, shareValue } from './sharePercent';

describe('shareValue', () => {
  it('sizes the bar by the percent, within 0 and 100', () => {
    expect(shareValue('66.7')).toBe(66.7);
    expect(shareValue('0.0')).toBe(0);
    expect(shareValue('100.0')).toBe(100);
    expect(shareValue('100.4')).toBe(100);
    expect(shareValue('-1')).toBe(0);
    expect(shareValue('n/a')).toBe(0);
  });
});

describe('formatShare', () => {
  it('keeps the percent as the API sends it', () => {
    expect(formatShare('66.7')).toBe('66.7%');
  });
});
