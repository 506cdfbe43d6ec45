const ISO_OFFSET_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Parses an ISO-8601 extended offset date-time (`2016-03-14T01:59:00Z`, `...T01:59:00.5+02:00`) to
 * epoch milliseconds truncated to the second (AWS honours Wait timestamps to the second).
 * Returns `undefined` for anything else (missing offset, space separator, out-of-range fields).
 */
export function parseWaitTimestamp(text: string): number | undefined {
  const m = ISO_OFFSET_DATE_TIME.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, , , oh, om] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(Number(y), month)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  if (oh !== undefined && (Number(oh) > 18 || Number(om) > 59)) return undefined;
  const utc = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s));
  const offsetMinutes = oh === undefined ? 0 : (m[8].startsWith('-') ? -1 : 1) * (Number(oh) * 60 + Number(om));
  return utc - offsetMinutes * 60_000;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
