import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../../src/asl/validate';
import { EXECUTIONS_FILE, loadExecutionCases } from '../../../src/conformance/cases';
import { recordedCasesPresent } from '../../support/recorded-cases';

const recorded = recordedCasesPresent('the validator on mutated recorded definitions', EXECUTIONS_FILE);
const definitions: unknown[] = recorded ? loadExecutionCases().map((c) => c.definition) : [];

// Deterministic PRNG so a failure reproduces.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const ODD_VALUES: unknown[] = [null, 0, -1, 1.5, '', 'x', '$', '$$', '{% %}', '{% ( %}', true, [], {}, [null], { 'a.$': 1 }, 'States.Format(', '$.a[', '$..*'];

const FIELD_NAMES = [
  'Type', 'Next', 'End', 'Default', 'Choices', 'Branches', 'ItemProcessor', 'Iterator', 'ProcessorConfig', 'Mode', 'ExecutionType',
  'Retry', 'Catch', 'ErrorEquals', 'Assign', 'Output', 'Arguments', 'Parameters', 'ResultSelector', 'ResultPath', 'Credentials',
  'ItemReader', 'ItemBatcher', 'ResultWriter', 'ReaderConfig', 'Label', 'Variable', 'And', 'Or', 'Not', 'Condition', 'StartAt', 'States',
  'TimeoutSeconds', 'HeartbeatSeconds', 'Seconds', 'Timestamp', 'QueryLanguage', 'Resource', 'Items', 'ItemSelector', 'StringEquals',
];

/** Replaces one random node of `value` with an odd value, or adds a known field holding an odd value or another subtree. */
function mutate(value: unknown, next: () => number): unknown {
  if (Array.isArray(value) && value.length > 0 && next() < 0.7) {
    const copy = [...value];
    const i = Math.floor(next() * copy.length);
    copy[i] = mutate(copy[i], next);
    return copy;
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && next() < 0.8) {
    const keys = Object.keys(value);
    if (next() < 0.3) {
      const key = FIELD_NAMES[Math.floor(next() * FIELD_NAMES.length)];
      const donor = definitions[Math.floor(next() * definitions.length)] as Record<string, unknown>;
      const replacement = next() < 0.5 ? ODD_VALUES[Math.floor(next() * ODD_VALUES.length)] : next() < 0.5 ? donor : Object.values(donor.States as object)[0];
      return { ...value, [key]: replacement };
    }
    if (keys.length > 0) {
      const key = keys[Math.floor(next() * keys.length)];
      return { ...value, [key]: mutate((value as Record<string, unknown>)[key], next) };
    }
  }
  return ODD_VALUES[Math.floor(next() * ODD_VALUES.length)];
}

describe('robustness', () => {
  it.skipIf(!recorded)('never throws, and every diagnostic is well-formed, on 8,000 mutated recorded definitions', () => {
    const next = random(42);
    for (let i = 0; i < 8_000; i++) {
      const doc = mutate(definitions[i % definitions.length], next);
      const diagnostics = validateDefinition(doc);
      for (const d of diagnostics) {
        expect(typeof d.code).toBe('string');
        expect(d.message.length).toBeGreaterThan(10);
        expect(d.pointer === '' || d.pointer.startsWith('/')).toBe(true);
        expect(['error', 'warning']).toContain(d.severity);
      }
    }
  });

  it('rejects non-object documents without throwing', () => {
    for (const doc of [undefined, null, 1, 'x', [], true]) {
      expect(validateDefinition(doc)).toEqual([expect.objectContaining({ code: 'INVALID_DEFINITION', severity: 'error' })]);
    }
  });
});
