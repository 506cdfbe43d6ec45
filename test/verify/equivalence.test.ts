import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { StateMachineDefinition } from '../../src/asl/types';
import { verifyEquivalence } from '../../src/verify/index';
import { example, fixture, readAsl } from './helpers';
import { renameStates, reorderKeys } from './planted-changes';

describe('verifyEquivalence: refactors that keep behaviour', () => {
  it('renamed states are equivalent, with every transition of both versions covered', async () => {
    const before = example('LotteryDraw');
    const report = await verifyEquivalence(before, renameStates(before));
    expect(report.difference?.description).toBeUndefined();
    expect(report.equivalent).toBe(true);
    expect(report.coverage.before.transitions.covered).toBe(report.coverage.before.transitions.total);
    expect(report.coverage.after.transitions).toEqual(report.coverage.before.transitions);
    expect(report.coverage.before.choiceRules.total).toBe(2);
    expect(report.scenarios).toBeGreaterThan(10);
  });

  it('reordered keys are equivalent (Map iterations compared as multisets)', async () => {
    const before = example('OrderPipeline');
    const report = await verifyEquivalence(before, reorderKeys(before), { explore: 400 });
    expect(report.difference?.description).toBeUndefined();
  });

  it('an extracted fragment (extra no-op Pass, renamed states) is equivalent', async () => {
    const before = example('LotteryDraw');
    const after = renameStates(before) as StateMachineDefinition & { States: Record<string, Record<string, unknown>> };
    const validate = after.States['Renamed Validate Winners'];
    after.States['Fragment: Hand Over'] = { Type: 'Pass', Next: validate.Next } as never;
    validate.Next = 'Fragment: Hand Over';
    const report = await verifyEquivalence(before, after);
    expect(report.difference?.description).toBeUndefined();
    // The extra Pass state is covered in `after` only; the counts differ, both are complete.
    expect(report.coverage.after.states.total).toBe(report.coverage.before.states.total + 1);
    expect(report.coverage.after.states.covered).toBe(report.coverage.after.states.total);
  });

  it('JSONPath and JSONata versions of the same logic are equivalent for inputs that fit the schema', async () => {
    const report = await verifyEquivalence(readAsl(fixture('approval-jsonpath.asl.json')), readAsl(fixture('approval-jsonata.asl.json')), {
      inputSchema: z.object({ amount: z.number(), blocked: z.boolean() }),
    });
    expect(report.difference?.description).toBeUndefined();
    expect(report.coverage.before.choiceRules).toEqual({ covered: 3, total: 3 });
    expect(report.coverage.after.catchers).toEqual({ covered: 2, total: 2 });
  });

  it('…and differ (found without any input given) when inputs may be of the wrong type', async () => {
    const report = await verifyEquivalence(readAsl(fixture('approval-jsonpath.asl.json')), readAsl(fixture('approval-jsonata.asl.json')));
    expect(report.equivalent).toBe(false);
    expect(report.difference!.description).toMatch(/amount|T2009|QueryEvaluationError/);
  });

  it('reordered Choice rules that cannot overlap are equivalent', async () => {
    const machine = (rules: object[]): StateMachineDefinition =>
      ({
        StartAt: 'Grade',
        States: {
          Grade: { Type: 'Choice', Choices: rules, Default: 'Middle' },
          Low: { Type: 'Pass', Result: 'low', End: true },
          High: { Type: 'Pass', Result: 'high', End: true },
          Middle: { Type: 'Pass', Result: 'middle', End: true },
        },
      }) as StateMachineDefinition;
    const low = { Variable: '$.score', NumericLessThan: 10, Next: 'Low' };
    const high = { Variable: '$.score', NumericGreaterThanEquals: 20, Next: 'High' };
    const report = await verifyEquivalence(machine([low, high]), machine([high, low]));
    expect(report.difference?.description).toBeUndefined();
    expect(report.coverage.before.choiceRules).toEqual({ covered: 3, total: 3 });
  });

  it('reordered Choice rules that overlap are different, and the counterexample is a score in the overlap', async () => {
    const machine = (rules: object[]): StateMachineDefinition =>
      ({
        StartAt: 'Grade',
        States: {
          Grade: { Type: 'Choice', Choices: rules, Default: 'Middle' },
          Low: { Type: 'Pass', Result: 'low', End: true },
          High: { Type: 'Pass', Result: 'high', End: true },
          Middle: { Type: 'Pass', Result: 'middle', End: true },
        },
      }) as StateMachineDefinition;
    const low = { Variable: '$.score', NumericLessThan: 30, Next: 'Low' };
    const high = { Variable: '$.score', NumericGreaterThanEquals: 20, Next: 'High' };
    const report = await verifyEquivalence(machine([low, high]), machine([high, low]));
    expect(report.equivalent).toBe(false);
    const score = (report.difference!.scenario.input as { score: number }).score;
    expect(score).toBeGreaterThanOrEqual(20);
    expect(score).toBeLessThan(30);
  });
});

describe('verifyEquivalence: lambda:invoke results', () => {
  // The interpreter wraps a lambda:invoke answer in the invoke response, so generated answers are
  // the function's payload: a Choice on `$.charge.Payload.status` sees the generated values.
  const charged = (declined: string, other: string) =>
    ({
      StartAt: 'Charge',
      States: {
        Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'charge', 'Payload.$': '$' }, ResultPath: '$.charge', Next: 'Check' },
        Check: {
          Type: 'Choice',
          Choices: [
            { Variable: '$.charge.Payload.status', StringEquals: 'declined', Next: declined },
            { Variable: '$.charge.Payload.status', StringEquals: 'review', Next: other },
          ],
          Default: 'Done',
        },
        Done: { Type: 'Succeed' },
        Refund: { Type: 'Pass', Result: 'refund', End: true },
        Hold: { Type: 'Pass', Result: 'hold', End: true },
      },
    }) as StateMachineDefinition;

  it('a swapped branch behind a read of the response Payload is found', async () => {
    const report = await verifyEquivalence(charged('Refund', 'Hold'), charged('Hold', 'Refund'));
    expect(report.equivalent).toBe(false);
    expect(report.difference!.description).toMatch(/refund|hold/);
  });

  it('a refactor of it is equivalent, with both Payload rules and the Default covered', async () => {
    const report = await verifyEquivalence(charged('Refund', 'Hold'), reorderKeys(charged('Refund', 'Hold')));
    expect(report.equivalent).toBe(true);
    expect(report.coverage.before.choiceRules).toEqual({ covered: 3, total: 3 });
  });
});
