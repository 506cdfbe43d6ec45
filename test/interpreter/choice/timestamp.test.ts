import { describe, expect, it } from 'vitest';
import { compareInstants, isTimestamp, parseTimestamp } from '../../../src/interpreter/choice';

describe('parseTimestamp', () => {
  it('reads the instant, offset applied', () => {
    expect(parseTimestamp('1970-01-01T00:00:00Z')).toEqual({ epochSeconds: 0, nanos: 0 });
    expect(parseTimestamp('2016-08-18T17:33:00Z')).toEqual({ epochSeconds: Date.parse('2016-08-18T17:33:00Z') / 1000, nanos: 0 });
    expect(parseTimestamp('2000-02-29T12:00:00.5+01:30')).toEqual({ epochSeconds: Date.parse('2000-02-29T10:30:00Z') / 1000, nanos: 500_000_000 });
    expect(parseTimestamp('1969-12-31T23:59:59-00:00')).toEqual({ epochSeconds: -1, nanos: 0 });
  });

  it('handles years before 100 (no Date.UTC two-digit quirk)', () => {
    expect(parseTimestamp('0050-03-01T00:00:00Z')?.epochSeconds).toBe(-60584198400);
  });

  it.each([
    '2016-12-05 21:29:29Z', // no T (recorded Wait failure NO_T)
    '2016-12-05T21:29:29', // no offset (recorded NO_Z)
    '2016-13-05T21:29:29Z', // month 13 (recorded)
    '2016-12-05T25:29:29Z', // hour 25 (recorded)
    '05-12-2016T21:29:29Z', // recorded INVALID_ISO
    '2023-02-29T00:00:00Z',
    '2016-12-05t21:29:29z',
    '2016-12-05T21:29Z',
    '2016-12-05T21:29:60Z',
    '2016-12-05T21:29:29.1234567890Z',
    '2016-12-05T21:29:29+19:00',
    '2023-02-24',
    '',
  ])('rejects %j', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
    expect(isTimestamp(text)).toBe(false);
  });
});

describe('compareInstants', () => {
  it('orders by seconds, then nanoseconds', () => {
    const a = parseTimestamp('2012-10-09T19:00:55.000000001Z')!;
    const b = parseTimestamp('2012-10-09T19:00:55Z')!;
    expect(compareInstants(a, b)).toBeGreaterThan(0);
    expect(compareInstants(b, a)).toBeLessThan(0);
    expect(compareInstants(b, parseTimestamp('2012-10-09T21:00:55+02:00')!)).toBe(0);
  });
});
