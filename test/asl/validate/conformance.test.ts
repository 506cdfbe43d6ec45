import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../../src/asl/validate';
import { EXECUTIONS_FILE, INVALID_DEFINITIONS_FILE, loadExecutionCases, loadInvalidDefinitionCases } from '../../../src/conformance/cases';
import { recordedCasesPresent } from '../../support/recorded-cases';

const invalidRecorded = recordedCasesPresent('the validator against the definitions AWS rejected', INVALID_DEFINITIONS_FILE);
const executionsRecorded = recordedCasesPresent('the validator against the definitions that ran on AWS', EXECUTIONS_FILE);
const invalid: any[] = invalidRecorded ? loadInvalidDefinitionCases() : [];
const executions: any[] = executionsRecorded ? loadExecutionCases() : [];

/** `SCHEMA_VALIDATION_FAILED: <message> at <pointer>` from AWS's InvalidDefinition text. */
function awsParts(message: string): { text: string; pointer: string } {
  const body = /'[A-Z_]+: (.*) at (\/[^']*)'$/s.exec(message);
  if (!body) throw new Error(`unexpected AWS message shape: ${message}`);
  return { text: body[1].replace(/\s+/g, ' ').trim(), pointer: body[2] };
}

// The recorded file has no stateMachineType; AWS's own message says when the machine was Express.
function recordedType(c: any): 'STANDARD' | 'EXPRESS' {
  return c.stateMachineType ?? (/Express state machine/.test(c.expected.message) ? 'EXPRESS' : 'STANDARD');
}

describe.skipIf(!invalidRecorded)('definitions AWS rejected (invalid-definitions.jsonl)', () => {
  it.each(invalid.map((c) => [c.expected.message, c]))('rejects: %s', (_message, c) => {
    const errors = validateDefinition(c.definition, { stateMachineType: recordedType(c) }).filter((d) => d.severity === 'error');
    const aws = awsParts(c.expected.message);
    expect(errors.length).toBeGreaterThan(0);
    // Same place and AWS's wording inside our message.
    const matching = errors.filter((e) => e.pointer.startsWith(aws.pointer) && e.message.replace(/\s+/g, ' ').includes(aws.text));
    expect(matching, JSON.stringify(errors, null, 2)).not.toHaveLength(0);
  });

  it('covers every recorded case', () => {
    const rejected = invalid.filter((c) => validateDefinition(c.definition, { stateMachineType: recordedType(c) }).some((d) => d.severity === 'error'));
    expect(`${rejected.length}/${invalid.length}`).toBe(`${invalid.length}/${invalid.length}`);
  });
});

describe.skipIf(!executionsRecorded)('definitions that ran on AWS (executions.jsonl): no false positives', () => {
  it(`accepts all ${executions.length} recorded definitions`, () => {
    const rejected = executions
      .map((c) => ({ id: c.id, errors: validateDefinition(c.definition, { stateMachineType: c.stateMachineType }).filter((d) => d.severity === 'error') }))
      .filter((r) => r.errors.length > 0);
    expect(rejected).toEqual([]);
    expect(executions.length).toBeGreaterThan(700);
  });
});
