import { describe, expect, it } from 'vitest';
import { run } from '../run';

/** The execution's EvaluationFailed event details (AWS: `evaluationFailedEventDetails`). */
async function evaluationFailure(definition: object, input: unknown = {}, mocks = {}) {
  const { result, execution } = await run({ QueryLanguage: 'JSONata', ...definition }, input, { mocks });
  expect(result.status).toBe('FAILED');
  const event = execution.history().find((e) => e.type === 'EvaluationFailed');
  return { result, details: event?.evaluationFailedEventDetails };
}

describe('EvaluationFailed events carry the failed field as location', () => {
  it('a state Output member: location Output/error (the recorded AWS cause names the same field)', async () => {
    const { result, details } = await evaluationFailure({
      StartAt: 'Fallback',
      States: { Fallback: { Type: 'Pass', Output: { error: '{% $states.input.missing %}' }, End: true } },
    });
    expect(details).toEqual({
      state: 'Fallback',
      error: 'States.QueryEvaluationError',
      cause: result.cause,
      location: 'Output/error',
    });
    expect(result.cause).toBe(
      "An error occurred while executing the state 'Fallback' (entered at the event id #2). The JSONata expression '$states.input.missing' specified for the field 'Output/error' returned nothing (undefined).",
    );
  });

  it('Task Arguments', async () => {
    const { details } = await evaluationFailure({
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Arguments: '{% 1 + "a" %}', End: true } },
    });
    expect(details?.location).toBe('Arguments');
  });

  it('Choice rules: Choices[i]/Condition, Choices[i]/Output and Choices[i]/Assign/<name>', async () => {
    const choice = (rule: object) => ({
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Condition: '{% false %}', Next: 'Done' }, { Next: 'Done', ...rule }] },
        Done: { Type: 'Succeed' },
      },
    });
    const condition = await evaluationFailure(choice({ Condition: '{% $states.input.flag %}' }));
    expect(condition.details?.location).toBe('Choices[1]/Condition');
    const output = await evaluationFailure(choice({ Condition: '{% true %}', Output: '{% $states.input.nothing %}' }));
    expect(output.details?.location).toBe('Choices[1]/Output');
    expect(output.result.cause).toContain("specified for the field 'Choices[1]/Output'");
    const assign = await evaluationFailure(choice({ Condition: '{% true %}', Assign: { x: '{% $states.input.nothing %}' } }));
    expect(assign.details?.location).toBe('Choices[1]/Assign/x');
  });

  it('a Catcher’s Output: Catch[i]/Output', async () => {
    const { result, details } = await evaluationFailure(
      {
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::sns:publish',
            Catch: [
              { ErrorEquals: ['Other'], Next: 'Done' },
              { ErrorEquals: ['States.ALL'], Output: { why: '{% $states.errorOutput.Nope %}' }, Next: 'Done' },
            ],
            End: true,
          },
          Done: { Type: 'Succeed' },
        },
      },
      {},
      {
        T: () => {
          throw Object.assign(new Error('boom'), { name: 'Broken' });
        },
      },
    );
    expect(details?.location).toBe('Catch[1]/Output/why');
    expect(result.cause).toContain("specified for the field 'Catch[1]/Output/why'");
  });

  it('Wait Seconds and Map numbers name their field', async () => {
    const wait = await evaluationFailure({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: '{% "ten" %}', End: true } } });
    expect(wait.details?.location).toBe('Seconds');
    const map = await evaluationFailure(
      {
        StartAt: 'M',
        States: { M: { Type: 'Map', MaxConcurrency: '{% "x" %}', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } },
      },
      [1],
    );
    expect(map.details?.location).toBe('MaxConcurrency');
    const task = await evaluationFailure(
      {
        StartAt: 'T',
        States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', TimeoutSeconds: '{% 0 %}', End: true } },
      },
      {},
      { T: () => ({}) },
    );
    expect(task.details?.location).toBe('TimeoutSeconds');
    expect(task.result.cause).toContain("specified for the field 'TimeoutSeconds' returned an unexpected result type. Expected 'integer', but was '0'");
  });
});
