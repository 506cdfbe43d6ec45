import { describe, expect, it } from 'vitest';
import { isDeepStrictEqual } from 'node:util';
import type { Json, JsonPathChoiceRule } from '../../../src/asl/types';
import { prepareChoiceRule } from '../../../src/interpreter/choice';
import { hasRecordedExecutions, loadRecordedExecutions, queryLanguageOf, type RecordedExecution } from './recorded-executions';

/**
 * Every recorded JSONPath execution whose first state is a Choice and whose possible targets are
 * terminal (a Pass that ends, a Fail, a Succeed): the branch our rules pick must be one whose
 * terminal outcome is what AWS recorded. For `choice_operators` the targets' `Result`s differ, so
 * exactly one branch fits.
 */
type Outcome = { status: 'SUCCEEDED'; output: Json } | { status: 'FAILED'; error?: string; cause?: Json };

function terminalOutcome(state: Record<string, Json> | undefined, input: Json): Outcome | undefined {
  if (!state) return undefined;
  const extraFields = Object.keys(state).filter((key) => !['Type', 'End', 'Comment', 'Result', 'Error', 'Cause', 'QueryLanguage'].includes(key));
  if (extraFields.length > 0) return undefined;
  if (state.Type === 'Pass' && state.End === true) return { status: 'SUCCEEDED', output: 'Result' in state ? state.Result : input };
  if (state.Type === 'Succeed') return { status: 'SUCCEEDED', output: input };
  if (state.Type === 'Fail') return { status: 'FAILED', error: state.Error as string | undefined, cause: state.Cause };
  return undefined;
}

function matchesExpected(outcome: Outcome, expected: RecordedExecution['expected']): boolean {
  if (outcome.status !== expected.status) return false;
  if (outcome.status === 'SUCCEEDED' && expected.status === 'SUCCEEDED') return isDeepStrictEqual(outcome.output, expected.output);
  if (outcome.status === 'FAILED' && expected.status === 'FAILED') return outcome.error === expected.error && outcome.cause === expected.cause;
  return false;
}

interface ChoiceCase {
  id: string;
  rules: JsonPathChoiceRule[];
  defaultTarget: string | undefined;
  input: Json;
  /** Targets whose terminal outcome is the recorded one. */
  consistentTargets: string[];
}

function choiceCases(): ChoiceCase[] {
  const cases: ChoiceCase[] = [];
  for (const execution of loadRecordedExecutions()) {
    if (execution.feature !== 'choice_operators' && execution.feature !== 'choice_scenarios') continue;
    if (execution.expected.status === 'TIMED_OUT') continue;
    const { definition } = execution;
    const start = definition.States[definition.StartAt];
    if (start.Type !== 'Choice' || queryLanguageOf(definition, start) !== 'JSONPath' || 'InputPath' in start) continue;
    const rules = start.Choices as unknown as JsonPathChoiceRule[];
    const targets = [...rules.map((rule) => rule.Next as string), ...(start.Default ? [start.Default as string] : [])];
    const outcomes = targets.map((target) => terminalOutcome(definition.States[target], execution.input));
    if (outcomes.some((outcome) => outcome === undefined)) continue;
    cases.push({
      id: execution.id,
      rules,
      defaultTarget: start.Default as string | undefined,
      input: execution.input,
      consistentTargets: targets.filter((_, index) => matchesExpected(outcomes[index]!, execution.expected)),
    });
  }
  return cases;
}

describe.skipIf(!hasRecordedExecutions)('recorded JSONPath Choice executions', () => {
  const cases = hasRecordedExecutions ? choiceCases() : [];

  it('covers every recorded choice_operators case', () => {
    expect(cases.filter((c) => c.id.startsWith('v2/choice_operators/')).length).toBe(314);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, recorded) => {
    expect(recorded.consistentTargets.length).toBeGreaterThan(0);
    const scope = { input: recorded.input, context: {}, variable: () => undefined };
    const matched = recorded.rules.find((rule) => prepareChoiceRule(rule)(scope));
    const target = matched ? matched.Next : recorded.defaultTarget;
    expect(recorded.consistentTargets).toContain(target);
  });
});
