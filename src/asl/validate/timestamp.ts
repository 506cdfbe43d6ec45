/** RFC 3339 timestamps as Step Functions accepts them: uppercase `T`, `Z` or a numeric offset. */

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * True when `text` is an RFC 3339 date-time with valid calendar fields.
 *
 * @example
 * isRfc3339Timestamp('2016-03-14T01:59:00Z');  // true
 * isRfc3339Timestamp('2016-12-05 21:29:29Z');  // false (no 'T')
 */
export function isRfc3339Timestamp(text: string): boolean {
  const match = RFC3339.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (match[9] !== undefined && (Number(match[9]) > 23 || Number(match[10]) > 59)) return false;
  return true;
}
