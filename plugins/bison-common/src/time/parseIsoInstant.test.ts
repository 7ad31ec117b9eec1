import fc from 'fast-check';
import { InvalidInstantError } from '../errors';
import { parseIsoInstant } from './parseIsoInstant';

describe('parseIsoInstant', () => {
  it.each<[string, string]>([
    ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000Z'],
    ['2026-01-01t00:00:00z', '2026-01-01T00:00:00.000Z'],
    ['2026-01-01T01:00:00+01:00', '2026-01-01T00:00:00.000Z'],
    ['2025-12-31T19:00:00-05:00', '2026-01-01T00:00:00.000Z'],
    ['2026-01-01T05:30:00+05:30', '2026-01-01T00:00:00.000Z'],
    ['2026-01-01T00:00:00-00:00', '2026-01-01T00:00:00.000Z'],
    ['2026-01-01T00:00:00.5Z', '2026-01-01T00:00:00.500Z'],
    ['2026-01-01T00:00:00.123Z', '2026-01-01T00:00:00.123Z'],
    ['2026-01-01T00:00:00.123999999Z', '2026-01-01T00:00:00.123Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
    ['2000-02-29T23:59:59Z', '2000-02-29T23:59:59.000Z'],
    ['1969-12-31T23:59:59Z', '1969-12-31T23:59:59.000Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
    ['0099-06-15T00:00:00Z', '0099-06-15T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
    ['2026-01-01T00:00:00+23:59', '2025-12-31T00:01:00.000Z'],
  ])('parses %j', (text, expected) => {
    expect(parseIsoInstant(text).toISOString()).toBe(expected);
  });

  it.each<[string, string]>([
    ['2026-02-30T00:00:00Z', 'day that does not exist in 2026-02'],
    ['2025-02-29T00:00:00Z', 'day that does not exist'],
    ['1900-02-29T00:00:00Z', 'day that does not exist'],
    ['2026-04-31T00:00:00Z', 'day that does not exist'],
    ['2026-01-00T00:00:00Z', 'day that does not exist'],
    ['2026-01-32T00:00:00Z', 'day that does not exist'],
    ['2026-13-01T00:00:00Z', 'month outside 01-12'],
    ['2026-00-10T00:00:00Z', 'month outside 01-12'],
    ['2026-01-01T24:00:00Z', 'time outside'],
    ['2026-01-01T23:60:00Z', 'time outside'],
    ['2026-12-31T23:59:60Z', 'time outside'],
    ['2026-01-01T00:00:00+24:00', 'invalid timezone offset'],
    ['2026-01-01T00:00:00+01:60', 'invalid timezone offset'],
    ['2026-01-01', 'RFC 3339'],
    ['yesterday', 'RFC 3339'],
    ['', 'RFC 3339'],
    ['2026-01-01T00:00:00', 'RFC 3339'],
    ['2026-01-01 00:00:00Z', 'RFC 3339'],
    ['2026-01-01T00:00:00+0100', 'RFC 3339'],
    ['2026-01-01T00:00:00+01', 'RFC 3339'],
    ['2026-01-01T00:00:00.Z', 'RFC 3339'],
    ['2026-01-01T00:00Z', 'RFC 3339'],
    ['2026-01-01T00:00:00ZZ', 'RFC 3339'],
    ['26-01-01T00:00:00Z', 'RFC 3339'],
    ['+002026-01-01T00:00:00Z', 'RFC 3339'],
    ['2026-1-1T00:00:00Z', 'RFC 3339'],
    [' 2026-01-01T00:00:00Z', 'RFC 3339'],
    ['2026-01-01T00:00:00Z ', 'RFC 3339'],
    ['2026-01-01T00:00:00UTC', 'RFC 3339'],
    ['\u0662026-01-01T00:00:00Z', 'RFC 3339'],
    ['1767225600000', 'RFC 3339'],
  ])('rejects %j', (text, message) => {
    const parse = () => parseIsoInstant(text);
    expect(parse).toThrow(InvalidInstantError);
    expect(parse).toThrow(message);
  });

  it('rejects values that are not strings', () => {
    expect(() => parseIsoInstant(new Date() as unknown as string)).toThrow(
      InvalidInstantError,
    );
  });

  it('parses what Date#toISOString produces', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        date => {
          expect(parseIsoInstant(date.toISOString()).getTime()).toBe(
            date.getTime(),
          );
        },
      ),
    );
  });
});
