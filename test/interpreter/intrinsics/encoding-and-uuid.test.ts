import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/interpreter/random/seeded-random';
import { failureOf, invalidArgumentsCause, runIntrinsic } from './run-intrinsic';

// Recorded AWS cases: v2/intrinsic_functions/test_encode_decode.py and test_hash_calculations.py.

describe('States.Base64Encode / States.Base64Decode', () => {
  it.each([
    ['', ''],
    ['Data to encode', 'RGF0YSB0byBlbmNvZGU='],
  ])('%j <-> %j (recorded)', (plain, encoded) => {
    expect(runIntrinsic('States.Base64Encode($.FunctionInput)', { FunctionInput: plain })).toBe(encoded);
    expect(runIntrinsic('States.Base64Decode($.FunctionInput)', { FunctionInput: encoded })).toBe(plain);
  });

  it('round-trips non-ASCII text as UTF-8', () => {
    const encoded = runIntrinsic("States.Base64Encode('héllo €')");
    expect(encoded).toBe('aMOpbGxvIOKCrA==');
    expect(runIntrinsic('States.Base64Decode($.e)', { e: encoded })).toBe('héllo €');
  });

  it.each([
    ['States.Base64Decode($.a)', { a: 'not base64!' }, 'States.Base64Decode'],
    ['States.Base64Decode($.a)', { a: 'abc' }, 'States.Base64Decode'],
    ['States.Base64Encode($.a)', { a: 'x'.repeat(10_001) }, 'States.Base64Encode'],
    ['States.Base64Encode($.a)', { a: 5 }, 'States.Base64Encode'],
  ])('rejects %s over %j', (call, input, fn) => {
    expect(failureOf(call, input).cause).toBe(invalidArgumentsCause(call, fn));
  });

  it('accepts exactly 10,000 characters', () => {
    expect(runIntrinsic('States.Base64Encode($.a)', { a: 'x'.repeat(10_000) })).toHaveLength(13_336);
  });
});

describe('States.Hash', () => {
  it.each([
    ['MD5', '812f45842bc6d66ee14572ce20db8e86'],
    ['SHA-1', 'aaff4a450a104cd177d28d18d74485e8cae074b7'],
    ['SHA-256', 'b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3'],
    [
      'SHA-384',
      'd28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562',
    ],
    [
      'SHA-512',
      '6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4',
    ],
  ])('hashes "input data" with %s (recorded)', (algorithm, digest) => {
    const input = { FunctionInput: { fst: 'input data', snd: algorithm } };
    expect(runIntrinsic('States.Hash($.FunctionInput.fst, $.FunctionInput.snd)', input)).toBe(digest);
  });

  it.each([
    ["States.Hash('x', 'SHA-3')", {}],
    ["States.Hash('x', 'sha-256')", {}],
    ["States.Hash($.a, 'MD5')", { a: 'x'.repeat(10_001) }],
  ])('rejects %s', (call, input) => {
    expect(failureOf(call, input).cause).toBe(invalidArgumentsCause(call, 'States.Hash'));
  });
});

describe('States.UUID', () => {
  const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('is a v4 UUID, reproducible under a seeded random source, different per draw', () => {
    const first = runIntrinsic('States.UUID()', {}, { random: seededRandom(9) });
    expect(first).toMatch(V4);
    expect(runIntrinsic('States.UUID()', {}, { random: seededRandom(9) })).toBe(first);
    const random = seededRandom(9);
    const draws = new Set([0, 1, 2, 3].map(() => runIntrinsic('States.UUID()', {}, { random })));
    expect(draws.size).toBe(4);
  });
});
