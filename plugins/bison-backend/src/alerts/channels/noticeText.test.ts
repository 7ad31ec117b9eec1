import {
  noticeHeadline,
  truncateText,
  truncateUtf8,
  utf8Length,
} from './noticeText';
import { sampleNotice } from './__testUtils__/channelTestContext';

describe('truncateUtf8', () => {
  it('keeps text that fits', () => {
    expect(truncateUtf8('余额不足', 12)).toBe('余额不足');
  });

  it('cuts on a character boundary, CJK being 3 bytes', () => {
    const cut = truncateUtf8('余额不足'.repeat(10), 10);
    expect(cut).toBe('余额…');
    expect(utf8Length(cut)).toBeLessThanOrEqual(10);
  });

  it('never splits an emoji', () => {
    const cut = truncateUtf8('a😀😀', 7);
    expect(cut).toBe('a…');
    expect(cut).not.toContain('\ufffd');
  });
});

describe('truncateText', () => {
  it('cuts to the length with an ellipsis, not inside a surrogate pair', () => {
    expect(truncateText('abcdef', 4)).toBe('abc…');
    expect(truncateText('ab😀', 3)).toBe('ab…');
    expect(truncateText('abc', 3)).toBe('abc');
  });
});

describe('noticeHeadline', () => {
  it('tags by severity, or by status when resolved or a test', () => {
    expect(noticeHeadline(sampleNotice())).toBe(
      '[CRITICAL] ML Team: balance below 100.00 USD',
    );
    expect(noticeHeadline(sampleNotice({ status: 'resolved' }))).toMatch(
      /^\[RESOLVED\]/,
    );
    expect(noticeHeadline(sampleNotice({ test: true }))).toMatch(/^\[TEST\]/);
  });
});
