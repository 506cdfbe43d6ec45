import { describe, expect, it } from 'vitest';
import { BENCH_CASES } from './bench-cases';

import { aslValidator as validateAsl } from '../support/asl-validator';

describe('bench definitions (smoke: no timing here; timings live in npm run bench)', () => {
  it.each(BENCH_CASES.map((c) => [c.name, c] as const))('%s is valid ASL', (_name, bench) => {
    const result = validateAsl(bench.definition);
    expect({ valid: result.isValid, errors: result.errorsText() }).toEqual({ valid: true, errors: '' });
  });

  it('the validator does reject a broken definition', () => {
    expect(validateAsl({ StartAt: 'Missing', States: {} }).isValid).toBe(false);
  });
});
