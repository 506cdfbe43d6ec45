import type { Json } from '../../asl/types';
import { LIMITS } from '../../asl/limits';


// Sizes of objects already measured; values are immutable, so a size never changes.
const measured = new WeakMap<object, number>();
/** Sum of the sizes cached so far: how much big JSON has flowed through the process. */
let measuredBigBytes = 0;

/**
 * The size of a value measured before (only values over 4 KiB are remembered): one lookup, no
 * walk. The history uses it to find the big payloads worth storing as text.
 */
export function knownJsonByteSize(value: object): number | undefined {
  return measured.get(value);
}

/**
 * Bytes of big values measured so far in this process (see {@link knownJsonByteSize}): a counter
 * that moves only when big payloads flow, so a history can notice them without a per-event cost.
 */
export function bigJsonBytesMeasured(): number {
  return measuredBigBytes;
}

/**
 * The UTF-8 size of `JSON.stringify(value)`, computed without building the string. Stops early
 * (returning a value > `limit`) once `limit` is exceeded, so checking a huge value costs at most
 * `limit` work; complete sizes of big objects are cached, so passing the same value on is free.
 */
export function jsonByteSize(value: Json, limit = Number.POSITIVE_INFINITY): number {
  if (value === null || typeof value !== 'object') return measure(value, limit, false);
  // Most payloads are small: measured with no cache lookups at all, they cost a few field reads.
  // A value found bigger is measured again with the cache (a big value passed on unchanged then
  // costs this bounded first look and one lookup).
  const small = measure(value, SMALL_BYTES, false);
  return small <= SMALL_BYTES ? small : measure(value, limit, true);
}

/** True when `value` exceeds the 256 KiB payload limit. */
export function exceedsPayloadLimit(value: Json, limit: number = LIMITS.payloadBytes): boolean {
  return jsonByteSize(value, limit) > limit;
}

/** Sizes above this are cached; smaller values are cheaper to measure again than to look up. */
const CACHED_ABOVE = 4096;
/** Values up to this size are measured without looking at the cache. */
const SMALL_BYTES = 1024;

function measure(value: Json, budget: number, cached: boolean): number {
  if (value === null) return 4;
  switch (typeof value) {
    case 'string':
      return stringSize(value);
    case 'number':
      return numberSize(value);
    case 'boolean':
      return value ? 4 : 5;
    case 'object': {
      if (cached) {
        const known = measured.get(value);
        if (known !== undefined) return known;
      }
      let size = 2;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length && size <= budget; i++) size += (i > 0 ? 1 : 0) + measure(value[i], budget - size, cached);
      } else {
        let first = true;
        for (const key in value) {
          const v = value[key];
          if (v === undefined) continue;
          size += (first ? 0 : 1) + stringSize(key) + 1 + measure(v, budget - size, cached);
          first = false;
          if (size > budget) break;
        }
      }
      // Caching pays off for big values passed on unchanged; small ones are cheaper to re-measure.
      if (cached && size <= budget && size > CACHED_ABOVE) {
        measured.set(value, size);
        measuredBigBytes += size;
      }
      return size;
    }
    default:
      return 0;
  }
}

/** Length of the number's JSON text; integers are counted without building the text. */
function numberSize(value: number): number {
  if (!Number.isFinite(value)) return 4; // JSON.stringify writes null
  if (Number.isSafeInteger(value)) {
    let size = value < 0 ? 2 : 1;
    for (let rest = Math.abs(value); rest >= 10; rest = Math.floor(rest / 10)) size++;
    return size;
  }
  return String(value).length;
}

function stringSize(text: string): number {
  // Quotes plus UTF-8 bytes; escapes for control characters/quotes add a little, which only matters at the exact limit.
  let size = 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c) size += c < 0x20 && c !== 10 && c !== 13 && c !== 9 && c !== 8 && c !== 12 ? 6 : 2;
    else if (c < 0x80) size += 1;
    else if (c < 0x800) size += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      size += 4;
      i++;
    } else size += 3;
  }
  return size;
}
