import { parseTimestamp } from '../choice/timestamp';

/**
 * A Wait `Timestamp`/`TimestampPath` value as epoch milliseconds, truncated to the second (AWS
 * honours Wait timestamps to the second). Uses the interpreter's one timestamp parser (the Choice
 * rules' profile: `T` separator, seconds required, up to 9 fractional digits, `Z` or `±hh:mm`), so
 * years 0–99 are read as written. `undefined` for anything else; the caller words the error.
 *
 * @example
 * parseWaitTimestamp('2016-03-14T01:59:00.9Z'); // Date.UTC(2016, 2, 14, 1, 59, 0)
 * parseWaitTimestamp('2016-03-14 01:59:00Z');   // undefined
 */
export function parseWaitTimestamp(text: string): number | undefined {
  const instant = parseTimestamp(text);
  return instant === undefined ? undefined : instant.epochSeconds * 1000;
}
