/**
 * The timestamp profile of Choice rules (and Wait `Timestamp`): RFC 3339 with an uppercase `T`
 * between date and time, seconds required, optional fraction (up to nanoseconds, as AWS's Java
 * parser reads it), and `Z` or a `±hh:mm` offset. A moment is kept as whole epoch seconds plus
 * nanoseconds so comparisons stay exact below the millisecond.
 */
export interface Instant {
  readonly epochSeconds: number;
  readonly nanos: number;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/**
 * Parses a timestamp of the profile; `undefined` when `text` does not conform (a type mismatch for
 * Choice rules, never an error).
 *
 * @example
 * parseTimestamp('2016-08-18T17:33:00Z');      // { epochSeconds: 1471541580, nanos: 0 }
 * parseTimestamp('2016-08-18 17:33:00Z');      // undefined (no 'T')
 */
export function parseTimestamp(text: string): Instant | undefined {
  const match = TIMESTAMP.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetSeconds = 0;
  if (match[8] !== 'Z') {
    const offsetHours = Number(match[10]);
    const offsetMinutes = Number(match[11]);
    if (offsetHours > 18 || offsetMinutes > 59 || (offsetHours === 18 && offsetMinutes > 0)) return undefined;
    offsetSeconds = (match[9] === '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
  }
  const fraction = match[7];
  const nanos = fraction === undefined ? 0 : Number(fraction.padEnd(9, '0'));
  const days = daysFromCivil(year, month, day);
  const epochSeconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds;
  return { epochSeconds, nanos };
}

// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's algorithm); `Date.UTC` would
// read years 0-99 as 1900-1999.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** True when `text` conforms to the timestamp profile (`IsTimestamp`). */
export function isTimestamp(text: string): boolean {
  return parseTimestamp(text) !== undefined;
}

/** Negative, zero or positive as `a` is before, at or after `b`. */
export function compareInstants(a: Instant, b: Instant): number {
  return a.epochSeconds !== b.epochSeconds ? a.epochSeconds - b.epochSeconds : a.nanos - b.nanos;
}
