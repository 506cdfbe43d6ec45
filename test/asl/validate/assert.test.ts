import { describe, expect, expectTypeOf, it } from 'vitest';
import { assertValidDefinition, InvalidDefinitionError, validateDefinition } from '../../../src/asl/validate';
import type { StateMachineDefinition } from '../../../src/asl/types';

describe('assertValidDefinition', () => {
  it('narrows a valid document to StateMachineDefinition', () => {
    const doc: unknown = { StartAt: 'A', States: { A: { Type: 'Succeed' } } };
    assertValidDefinition(doc);
    expectTypeOf(doc).toEqualTypeOf<StateMachineDefinition>();
    expect(doc.StartAt).toBe('A');
  });

  it('throws InvalidDefinitionError listing every error', () => {
    const doc = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, C: { Type: 'Wait', End: true } } };
    let thrown: unknown;
    try {
      assertValidDefinition(doc);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidDefinitionError);
    const error = thrown as InvalidDefinitionError;
    expect(error.diagnostics.map((d) => d.code).sort()).toEqual(['MISSING_REQUIRED_FIELD', 'MISSING_TRANSITION_TARGET', 'UNREACHABLE_STATE']);
    expect(error.message).toContain('Invalid state machine definition (3 errors)');
    expect(error.message).toContain("MISSING_TRANSITION_TARGET at /States/A/Next: Missing 'Next' target: B");
    expect(error.message).toContain('UNREACHABLE_STATE at /States/C');
    expect(error.message).toContain("Wait state 'C' must have exactly one of 'Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'");
  });

  it('does not throw for warnings only', () => {
    const doc = { StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['States.Unknown'] }], End: true } } };
    expect(validateDefinition(doc).map((d) => d.severity)).toEqual(['warning']);
    expect(() => assertValidDefinition(doc)).not.toThrow();
  });

  it('accepts IntervalSeconds 0 with a warning (AWS editor schema allows it), rejects negative values', () => {
    const withInterval = (IntervalSeconds: number) => ({ StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['X'], IntervalSeconds }], End: true } } });
    expect(validateDefinition(withInterval(0))).toEqual([expect.objectContaining({ severity: 'warning', pointer: '/States/A/Retry/0/IntervalSeconds', field: 'IntervalSeconds' })]);
    expect(validateDefinition(withInterval(-1))).toEqual([expect.objectContaining({ severity: 'error', code: 'INVALID_FIELD_VALUE', field: 'IntervalSeconds' })]);
  });

  it('treats unreachable states as errors (AWS rejects them: `State "X" is not reachable.`)', () => {
    const doc = { StartAt: 'A', States: { A: { Type: 'Succeed' }, B: { Type: 'Succeed' } } };
    expect(validateDefinition(doc)).toEqual([
      expect.objectContaining({ code: 'UNREACHABLE_STATE', severity: 'error', pointer: '/States/B', state: 'B' }),
    ]);
  });
});
