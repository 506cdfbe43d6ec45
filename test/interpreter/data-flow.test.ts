import { describe, expect, it } from 'vitest';
import { run } from './run';

describe('JSONPath data flow', () => {
  it('applies InputPath → Parameters → Result → ResultSelector → ResultPath → OutputPath in order', async () => {
    const { result } = await run(
      {
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::aws-sdk:s3:getObject',
            InputPath: '$.order',
            Parameters: { 'id.$': '$.id', 'who.$': '$$.Execution.Name', 'sum.$': 'States.MathAdd($.n, 1)' },
            ResultSelector: { 'value.$': '$.body', fixed: true },
            ResultPath: '$.fetched',
            OutputPath: '$.fetched',
            End: true,
          },
        },
      },
      { order: { id: 'o-1', n: 41 } },
      { mocks: { T: (input) => ({ body: input, ignored: 1 }) } },
    );
    expect(result).toEqual({ status: 'SUCCEEDED', output: { value: { id: 'o-1', who: 'exec', sum: 42 }, fixed: true } });
  });

  it('keeps the input with ResultPath null and writes nested ResultPaths without touching the input object', async () => {
    const input = { a: { b: 1 } };
    const { result } = await run(
      {
        StartAt: 'P1',
        States: {
          P1: { Type: 'Pass', Result: 'x', ResultPath: null, Next: 'P2' },
          P2: { Type: 'Pass', Result: 2, ResultPath: '$.a.c.d', End: true },
        },
      },
      input,
    );
    expect(result.output).toEqual({ a: { b: 1, c: { d: 2 } } });
    expect(input).toEqual({ a: { b: 1 } });
  });

  it('reports a missing OutputPath as States.Runtime, worded as AWS does', async () => {
    const { result } = await run({ StartAt: 'P', States: { P: { Type: 'Pass', OutputPath: '$.no.such', End: true } } }, {});
    expect(result).toEqual({
      status: 'FAILED',
      error: 'States.Runtime',
      cause: "An error occurred while executing the state 'P' (entered at the event id #2). Invalid path '$.no.such' : Missing property in path $['no']",
    });
  });

  it('reports a missing Parameters path with the field and the input', async () => {
    const { result } = await run({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'v.$': '$.nope' }, End: true } } }, { a: 1 });
    expect(result.error).toBe('States.Runtime');
    expect(result.cause).toContain(`The JSONPath '$.nope' specified for the field 'v.$' could not be found in the input '{"a":1}'`);
  });

  it('fails a Pass whose output exceeds 256 KiB with States.DataLimitExceeded', async () => {
    const big = 'x'.repeat(200_000);
    const { result } = await run({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'a.$': '$.s', 'b.$': '$.s' }, End: true } } }, { s: big });
    expect(result.error).toBe('States.DataLimitExceeded');
  });
});

describe('JSONata data flow', () => {
  it('evaluates Arguments for the work and Output over $states.result', async () => {
    const { result } = await run(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Arguments: { FunctionName: 'f', Payload: { n: '{% $states.input.n * 2 %}' } },
            Output: { doubled: '{% $states.result.Payload.n %}', input: '{% $states.input.n %}' },
            End: true,
          },
        },
      },
      { n: 21 },
      { mocks: { T: (input) => (input as { Payload: unknown }).Payload as never } },
    );
    expect(result).toEqual({ status: 'SUCCEEDED', output: { doubled: 42, input: 21 } });
  });

  it('fails with States.QueryEvaluationError when an expression returns nothing', async () => {
    const { result, execution } = await run({ QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $nothing %}', End: true } } });
    expect(result.error).toBe('States.QueryEvaluationError');
    expect(result.cause).toMatch(/^An error occurred while executing the state 'P' \(entered at the event id #2\)\./);
    expect(execution.history().map((e) => e.type)).toEqual(['ExecutionStarted', 'PassStateEntered', 'EvaluationFailed', 'ExecutionFailed']);
  });
});

describe('variables', () => {
  it('evaluates every Assign right-hand side with the values as of state entry (JSONata)', async () => {
    const { result, execution } = await run({
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { x: 3, a: 6 }, Next: 'B' },
        B: { Type: 'Pass', Assign: { x: '{% $a %}', nextX: '{% $x %}' }, Next: 'C' },
        C: { Type: 'Pass', Output: { x: '{% $x %}', nextX: '{% $nextX %}' }, End: true },
      },
    });
    expect(result.output).toEqual({ x: 6, nextX: 3 });
    const exited = execution.history().find((e) => e.type === 'PassStateExited' && e.stateExitedEventDetails?.name === 'B');
    expect(exited?.stateExitedEventDetails?.assignedVariables).toEqual({ x: '6', nextX: '3' });
  });

  it('reads $ in a JSONPath Assign as the result and reads variables in paths', async () => {
    const { result } = await run({
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Result: { v: 1 }, Assign: { 'saved.$': '$.v' }, Next: 'B' },
        B: { Type: 'Pass', Parameters: { 'fromVar.$': '$saved' }, End: true },
      },
    });
    expect(result.output).toEqual({ fromVar: 1 });
  });

  it('gives each Parallel branch its own scope that reads the outer one', async () => {
    const { result } = await run({
      QueryLanguage: 'JSONata',
      StartAt: 'Set',
      States: {
        Set: { Type: 'Pass', Assign: { outer: 'o' }, Next: 'Par' },
        Par: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'B1', States: { B1: { Type: 'Pass', Assign: { inner: 1 }, Next: 'B1b' }, B1b: { Type: 'Pass', Output: '{% $outer & $string($inner) %}', End: true } } },
            { StartAt: 'B2', States: { B2: { Type: 'Pass', Assign: { inner: 2 }, Next: 'B2b' }, B2b: { Type: 'Pass', Output: '{% $outer & $string($inner) %}', End: true } } },
          ],
          End: true,
        },
      },
    });
    expect(result.output).toEqual(['o1', 'o2']);
  });
});
