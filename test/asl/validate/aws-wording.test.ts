import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../../src/asl/validate';
import { awsDiagnostic, awsInvalidDefinitionMessage } from '../../../src/asl/validate/aws-wording';

const invalidType = { StartAt: 'A', States: { A: { Type: 'TypeThatDoesNotExist', End: true } } };

describe('AWS wording of validator findings', () => {
  it("people read the value that was wrong; the API answer keeps AWS's recorded sentence", () => {
    const [diagnostic] = validateDefinition(invalidType);
    expect(diagnostic.message).toContain(`in state 'A', but was "TypeThatDoesNotExist"`);
    // Recorded on AWS (shared/conformance/test-state.jsonl, test_state_name_invalid_state_definition).
    expect(awsInvalidDefinitionMessage([diagnostic])).toBe(
      "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map] at /States/A/Type'",
    );
    expect(awsDiagnostic(diagnostic)).toEqual({
      severity: 'ERROR',
      code: 'SCHEMA_VALIDATION_FAILED',
      message: "The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]",
      location: '/States/A/Type',
    });
  });

  it('a finding without a recorded AWS sentence is answered in our words', () => {
    const [diagnostic] = validateDefinition({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nowhere' } } });
    expect(diagnostic.awsMessage).toBeUndefined();
    expect(awsDiagnostic(diagnostic).message).toBe(diagnostic.message);
  });
});
