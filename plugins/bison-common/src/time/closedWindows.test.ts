import fc from 'fast-check';
import { closedWindows } from './closedWindows';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const at = (iso: string) => new Date(iso);
const asIso = (windows: { start: Date; end: Date }[]) =>
  windows.map(w => [w.start.toISOString(), w.end.toISOString()]);

describe('closedWindows', () => {
  const base = {
    watermark: at('2026-01-01T00:00:00Z'),
    now: at('2026-01-01T03:30:00Z'),
    windowMs: HOUR,
    settleDelayMs: 0,
  };

  it('returns every closed window after the watermark, oldest first', () => {
    expect(asIso(closedWindows(base))).toEqual([
      ['2026-01-01T00:00:00.000Z', '2026-01-01T01:00:00.000Z'],
      ['2026-01-01T01:00:00.000Z', '2026-01-01T02:00:00.000Z'],
      ['2026-01-01T02:00:00.000Z', '2026-01-01T03:00:00.000Z'],
    ]);
  });

  it('treats a window as closed exactly at end + settle delay', () => {
    expect(
      closedWindows({ ...base, now: at('2026-01-01T03:00:00Z') }),
    ).toHaveLength(3);
    expect(
      closedWindows({ ...base, now: at('2026-01-01T02:59:59.999Z') }),
    ).toHaveLength(2);
    expect(closedWindows({ ...base, settleDelayMs: 30 * MINUTE })).toHaveLength(
      3,
    );
    expect(
      closedWindows({ ...base, settleDelayMs: 30 * MINUTE + 1 }),
    ).toHaveLength(2);
  });

  it('starts at firstWindowStart aligned down when there is no watermark', () => {
    const windows = closedWindows({
      ...base,
      watermark: null,
      firstWindowStart: at('2026-01-01T01:10:00Z'),
    });
    expect(asIso(windows)[0]).toEqual([
      '2026-01-01T01:00:00.000Z',
      '2026-01-01T02:00:00.000Z',
    ]);
    expect(windows).toHaveLength(2);
  });

  it('prefers the watermark over firstWindowStart', () => {
    const windows = closedWindows({
      ...base,
      firstWindowStart: at('2026-01-01T02:00:00Z'),
    });
    expect(windows[0].start.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('returns at most limit windows', () => {
    expect(closedWindows({ ...base, limit: 2 })).toHaveLength(2);
    expect(closedWindows({ ...base, limit: 0 })).toEqual([]);
  });

  it('returns nothing when the watermark is in the future', () => {
    expect(
      closedWindows({ ...base, watermark: at('2026-01-02T00:00:00Z') }),
    ).toEqual([]);
  });

  it('supports day windows', () => {
    expect(
      asIso(
        closedWindows({
          watermark: at('2026-01-01T00:00:00Z'),
          now: at('2026-01-03T01:00:00Z'),
          windowMs: DAY,
          settleDelayMs: HOUR,
        }),
      ),
    ).toEqual([
      ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'],
      ['2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z'],
    ]);
  });

  it.each<[string, Partial<Parameters<typeof closedWindows>[0]>]>([
    ['an unaligned watermark', { watermark: at('2026-01-01T00:30:00Z') }],
    ['no watermark and no first window start', { watermark: null }],
    ['an invalid window length', { windowMs: 7 * MINUTE }],
    ['a negative settle delay', { settleDelayMs: -1 }],
    ['a fractional settle delay', { settleDelayMs: 0.5 }],
    ['a negative limit', { limit: -1 }],
    ['a fractional limit', { limit: 1.5 }],
    ['an invalid now', { now: new Date('nope') }],
    ['an invalid watermark', { watermark: new Date('nope') }],
  ])('rejects %s', (_, override) => {
    expect(() => closedWindows({ ...base, ...override })).toThrow(RangeError);
  });

  it('returns only closed, aligned, contiguous windows', () => {
    const windowLengths = [MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, DAY];
    fc.assert(
      fc.property(
        fc.constantFrom(...windowLengths),
        fc.integer({ min: 0, max: 20_000_000 }), // watermark index since epoch
        fc.integer({ min: -5, max: 300 }), // windows until now
        fc.integer({ min: 0, max: 3 * HOUR }), // settle delay
        fc.integer({ min: 0, max: DAY }), // offset of now
        fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
        (windowMs, index, count, settleDelayMs, jitter, limit) => {
          const watermark = index * windowMs;
          const now = watermark + count * windowMs + jitter;
          const windows = closedWindows({
            watermark: new Date(watermark),
            now: new Date(now),
            windowMs,
            settleDelayMs,
            limit,
          });
          let expectedStart = watermark;
          for (const { start, end } of windows) {
            expect(start.getTime()).toBe(expectedStart);
            expect(start.getTime() % windowMs).toBe(0);
            expect(end.getTime() - start.getTime()).toBe(windowMs);
            expect(end.getTime() + settleDelayMs).toBeLessThanOrEqual(now);
            expectedStart = end.getTime();
          }
          expect(windows.length).toBeLessThanOrEqual(limit ?? Infinity);
          // Unless the limit stopped it, the next window is not closed yet.
          const stoppedByLimit = windows.length === limit;
          const nextIsOpen = expectedStart + windowMs + settleDelayMs > now;
          expect(stoppedByLimit || nextIsOpen).toBe(true);
        },
      ),
    );
  });
});
