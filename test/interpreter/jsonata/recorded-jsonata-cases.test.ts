import { describe, expect, it } from 'vitest';
import { isDeepStrictEqual } from 'node:util';
import type { Json } from '../../../src/asl/types';
import { StatesError } from '../../../src/interpreter/errors';
import { prepareJsonataTemplate, evaluateJsonataCondition, type JsonataBindings } from '../../../src/interpreter/jsonata';
import {
  hasRecordedExecutions,
  loadRecordedExecutions,
  queryLanguageOf,
  statePrefix,
  type RecordedExecution,
} from '../choice/recorded-executions';

function bindingsFor(input: Json): JsonataBindings {
  return { states: { input, context: {} }, variables: {}, random: Math.random };
}

/** Recorded executions that are one JSONata Pass state computing its `Output`. */
function singlePassCases(executions: RecordedExecution[]) {
  return executions.filter((execution) => {
    const names = Object.keys(execution.definition.States);
    if (names.length !== 1) return false;
    const state = execution.definition.States[names[0]];
    return state.Type === 'Pass' && queryLanguageOf(execution.definition, state) === 'JSONata' && 'Output' in state && !('Assign' in state);
  });
}

/** Recorded executions whose first state is a JSONata Choice with terminal targets. */
function choiceCases(executions: RecordedExecution[]) {
  return executions.filter((execution) => {
    const { definition } = execution;
    const start = definition.States[definition.StartAt];
    if (start.Type !== 'Choice' || queryLanguageOf(definition, start) !== 'JSONata') return false;
    const rules = start.Choices as Record<string, Json>[];
    const targets = [...rules.map((rule) => rule.Next as string), ...(start.Default ? [start.Default as string] : [])];
    return targets.every((target) => {
      const state = definition.States[target];
      return (state.Type === 'Pass' && state.End === true && !('Output' in state)) || state.Type === 'Fail' || state.Type === 'Succeed';
    });
  });
}

describe.skipIf(!hasRecordedExecutions)('recorded JSONata executions', () => {
  const executions = hasRecordedExecutions ? loadRecordedExecutions() : [];

  describe('single Pass state Output', () => {
    const cases = singlePassCases(executions);

    it('covers the recorded $partition, $parse, regular expression and literal cases', () => {
      expect(cases.length).toBeGreaterThanOrEqual(39);
    });

    it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, execution) => {
      const [name] = Object.keys(execution.definition.States);
      const state = execution.definition.States[name];
      const template = prepareJsonataTemplate(state.Output as Json, 'Output');
      const expected = execution.expected;
      if (expected.status === 'SUCCEEDED') {
        expect(await template.evaluate(bindingsFor(execution.input))).toEqual(expected.output);
      } else if (expected.status === 'FAILED') {
        const error = await template.evaluate(bindingsFor(execution.input)).then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(StatesError);
        expect((error as StatesError).error).toBe(expected.error);
        expect(statePrefix(name, 2) + (error as StatesError).cause).toBe(expected.cause);
      }
    });
  });

  describe('Choice Condition', () => {
    const cases = choiceCases(executions);

    it('covers the recorded JSONata Choice scenarios', () => {
      expect(cases.length).toBeGreaterThanOrEqual(8);
    });

    it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, execution) => {
      const { definition, input, expected } = execution;
      const start = definition.States[definition.StartAt];
      const rules = start.Choices as Record<string, Json>[];
      const bindings = bindingsFor(input);
      let target = start.Default as string | undefined;
      let output: Json = 'Output' in start ? await prepareJsonataTemplate(start.Output as Json, 'Output').evaluate(bindings) : input;
      for (const [index, rule] of rules.entries()) {
        const condition = prepareJsonataTemplate(rule.Condition as Json, `Choices[${index}]/Condition`);
        if (await evaluateJsonataCondition(condition, bindings)) {
          target = rule.Next as string;
          output = 'Output' in rule ? await prepareJsonataTemplate(rule.Output as Json, `Choices[${index}]/Output`).evaluate(bindings) : input;
          break;
        }
      }
      const state = definition.States[target as string];
      if (state.Type === 'Fail') {
        expect(expected.status).toBe('FAILED');
        if (expected.status === 'FAILED') expect(state.Cause).toBe(expected.cause);
      } else {
        expect(expected.status).toBe('SUCCEEDED');
        if (expected.status === 'SUCCEEDED') expect(isDeepStrictEqual(output, expected.output)).toBe(true);
      }
    });
  });
});
