import { describe, expect, it } from 'vitest';
import { loadTestStateCases, TEST_STATE_FILE } from '../../src/conformance/cases';
import { recordedCasesPresent } from '../support/recorded-cases';
import { runTestStateCase } from '../../src/conformance/run-test-state-case';

// Recorded on AWS (see the conformance README); outside the repository, so optional.
const present = recordedCasesPresent('test-state recorded cases', TEST_STATE_FILE);

describe.skipIf(!present)('TestState calls recorded on AWS', () => {
  it('match as the conformance runner counts them', async () => {
    const cases = loadTestStateCases(TEST_STATE_FILE);
    const outcomes = [];
    for (const c of cases) outcomes.push(await runTestStateCase(c));
    const mismatches = outcomes.filter((o) => !o.matched);
    // Known, explained mismatches (see the closing note of issue 14): 5 calls ran real Lambda
    // functions (no mock, so nothing offline can know their answers), and one InvalidDefinition
    // message is the validator's wording rather than AWS's.
    expect(mismatches.length).toBeLessThanOrEqual(6);
    for (const m of mismatches) {
      const realService = typeof m.difference === 'string' && m.difference.includes('RoleArn must be specified when testing a Task state');
      const validatorWording = (m.expected as { error?: string }).error === 'InvalidDefinition';
      expect(realService || validatorWording, `${m.id}: ${m.difference}`).toBe(true);
    }
  }, 120_000);
});
