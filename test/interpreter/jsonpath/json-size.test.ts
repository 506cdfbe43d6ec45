import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/asl/types';
import { exceedsPayloadLimit, jsonByteSize } from '../../../src/interpreter/json/json-size';
import { LIMITS } from '../../../src/asl/limits';

const PAYLOAD_LIMIT_BYTES = LIMITS.payloadBytes;

const utf8Size = (value: Json) => Buffer.byteLength(JSON.stringify(value), 'utf8');

describe('jsonByteSize', () => {
  it.each<[string, Json]>([
    ['integers', [0, -0, 7, -7, 10, 99, 100, -100, 123456789, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER]],
    ['non-integers and huge numbers', [1.5, -0.001, 1e-7, 2 ** 53, 1e21, 1.7976931348623157e308]],
    ['strings with escapes and multi-byte characters', ['plain', 'quote " and \\ backslash', 'tab\tnew\nline\u0001', 'é', '€', '😀']],
    ['nested objects and arrays', { a: [1, { b: 'c' }, null, true, false], d: { e: {} }, f: [] }],
    ['an object with an unusual key', JSON.parse('{"__proto__": 1, "0": 2, "é": "x"}') as Json],
  ])('matches JSON.stringify for %s', (_name, value) => {
    expect(jsonByteSize(value)).toBe(utf8Size(value));
  });

  it('measures values above the small-value and caching thresholds exactly, also when passed on again', () => {
    const big = { items: Array.from({ length: 500 }, (_, i) => ({ id: i, name: `item ${i}` })) } as Json;
    expect(jsonByteSize(big)).toBe(utf8Size(big));
    expect(jsonByteSize(big)).toBe(utf8Size(big));
    const wrapped = { inner: big, extra: 'é' } as Json;
    expect(jsonByteSize(wrapped)).toBe(utf8Size(wrapped));
  });

  it('stops early above a limit, still reporting more than the limit', () => {
    const value = { text: 'x'.repeat(5000) } as Json;
    expect(jsonByteSize(value, 100)).toBeGreaterThan(100);
    expect(jsonByteSize(value, 10_000)).toBe(utf8Size(value));
  });
});

describe('exceedsPayloadLimit', () => {
  it('is exact at the 256 KiB boundary', () => {
    // {"s":"…"} is 8 bytes around the string's characters.
    const atLimit = { s: 'x'.repeat(PAYLOAD_LIMIT_BYTES - 8) } as Json;
    const overLimit = { s: 'x'.repeat(PAYLOAD_LIMIT_BYTES - 7) } as Json;
    expect(utf8Size(atLimit)).toBe(PAYLOAD_LIMIT_BYTES);
    expect(exceedsPayloadLimit(atLimit)).toBe(false);
    expect(exceedsPayloadLimit(overLimit)).toBe(true);
  });

  it('counts multi-byte characters as UTF-8 bytes', () => {
    const value = { s: 'é'.repeat(PAYLOAD_LIMIT_BYTES / 2) } as Json;
    expect(exceedsPayloadLimit(value)).toBe(true);
  });
});
