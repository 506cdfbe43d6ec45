import { describe, expect, it } from 'vitest';
import { fuzzTarget, targets } from './targets';

// A bounded, seeded sample of `npm run fuzz` (which runs 10,000 cases per target).
const SAMPLE: Record<string, number> = { validator: 150, interpreter: 60, jsonpath: 300, intrinsics: 300, jsonata: 60 };

describe('fuzz sample: no crash, hang or non-AWS error name', () => {
  for (const target of targets) {
    it(target.name, async () => {
      const report = await fuzzTarget(target, SAMPLE[target.name] ?? 50, 20261203);
      expect(report.examples).toEqual([]);
      expect(report.cases).toBe(SAMPLE[target.name] ?? 50);
    }, 60_000);
  }
});
