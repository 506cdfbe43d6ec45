import { describe, expect, it } from 'vitest';
import { InMemoryS3, Interpreter, neverAnswers, taskFailure } from '../../src/interpreter';
import { eventTypes, run } from './run';

describe('Parallel', () => {
  it('gives every branch the effective input and returns outputs in branch order', async () => {
    let second = 0;
    const { result } = await run(
      {
        StartAt: 'P',
        States: {
          P: {
            Type: 'Parallel',
            Parameters: { 'n.$': '$.n' },
            Branches: [
              { StartAt: 'Slow', States: { Slow: { Type: 'Wait', Seconds: 10, Next: 'A' }, A: { Type: 'Pass', Parameters: { 'a.$': '$.n' }, End: true } } },
              { StartAt: 'B', States: { B: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', End: true } } },
            ],
            ResultSelector: { 'first.$': '$[0].a', 'second.$': '$[1]' },
            End: true,
          },
        },
      },
      { n: 3 },
      { mocks: { B: (input) => { second++; return input; } } },
    );
    expect(result.output).toEqual({ first: 3, second: { n: 3 } });
    expect(second).toBe(1);
  });

  it('fails with the branch’s own error, aborts the other branches, and can be caught', async () => {
    const { result, execution } = await run(
      {
        StartAt: 'P',
        States: {
          P: {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'Hang', States: { Hang: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', End: true } } },
              { StartAt: 'Later', States: { Later: { Type: 'Wait', Seconds: 5, Next: 'Boom' }, Boom: { Type: 'Fail', Error: 'BranchBroke', Cause: 'x' } } },
            ],
            Catch: [{ ErrorEquals: ['BranchBroke'], Next: 'Handled' }],
            End: true,
          },
          Handled: { Type: 'Pass', End: true },
        },
      },
      {},
      { mocks: { Hang: () => neverAnswers() } },
    );
    expect(result.output).toEqual({ Error: 'BranchBroke', Cause: 'x' });
    expect(eventTypes(execution)).toContain('TaskStateAborted');
  });
});

describe('inline Map', () => {
  const map = (extra: object, processor: object = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }) => ({
    StartAt: 'M',
    States: { M: { Type: 'Map', ItemProcessor: processor, End: true, ...extra } },
  });

  it('selects items with ItemsPath and ItemSelector ($$.Map.Item.Index/Value) and keeps item order', async () => {
    const { result, execution } = await run(
      map({ ItemsPath: '$.items', ItemSelector: { 'i.$': '$$.Map.Item.Index', 'v.$': '$$.Map.Item.Value', 'k.$': '$.k' } }),
      { items: ['a', 'b'], k: 1 },
    );
    expect(result.output).toEqual([{ i: 0, v: 'a', k: 1 }, { i: 1, v: 'b', k: 1 }]);
    const started = execution.history().find((e) => e.type === 'MapStateStarted');
    expect(started?.mapStateStartedEventDetails).toEqual({ length: 2 });
  });

  it('JSONata: Items and ItemSelector with $states.context.Map.Item', async () => {
    const { result } = await run(
      { QueryLanguage: 'JSONata', ...map({ Items: '{% $states.input.xs %}', ItemSelector: { at: '{% $states.context.Map.Item.Index %}', x: '{% $states.context.Map.Item.Value * 10 %}' } }) },
      { xs: [1, 2] },
    );
    expect(result.output).toEqual([{ at: 0, x: 10 }, { at: 1, x: 20 }]);
  });

  it('runs sequentially with MaxConcurrency 1 and stops at the first failure', async () => {
    const calls: number[] = [];
    const { result } = await run(
      map({ MaxConcurrency: 1 }, { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', End: true } } }),
      [1, 2, 3],
      { mocks: { T: (i) => { calls.push(i as number); if (i === 2) throw taskFailure('Bad', 'two'); return i; } } },
    );
    expect(result).toEqual({ status: 'FAILED', error: 'Bad', cause: 'two' });
    expect(calls).toEqual([1, 2]);
  });

  it('tolerates failures up to ToleratedFailureCount, then fails with States.ExceedToleratedFailureThreshold', async () => {
    const processor = { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$', NumericGreaterThan: 1, Next: 'F' }], Default: 'OK' }, F: { Type: 'Fail', Error: 'E' }, OK: { Type: 'Pass', End: true } } };
    expect((await run(map({ ToleratedFailureCount: 1 }, processor), [1, 2])).result.status).toBe('SUCCEEDED');
    expect((await run(map({ ToleratedFailureCount: 1 }, processor), [1, 2, 3])).result.error).toBe('States.ExceedToleratedFailureThreshold');
  });

  it('runs 10,000 items without stack or promise build-up (Express: no 25,000-event history limit)', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => i);
    const { result } = await run(map({}), items, { type: 'EXPRESS' });
    expect(result.output).toEqual(items);
  });

  it('fails a Standard inline Map whose history would exceed 25,000 events, as AWS does', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => i);
    const { result } = await run(map({}), items);
    expect(result.error).toBe('States.Runtime');
    expect(result.cause).toContain('limit of 25000 events');
  });
});

describe('distributed Map', () => {
  it('reads items from S3, batches them, runs child executions and records a Map Run', async () => {
    const s3 = new InMemoryS3({ 'bucket/items.json': JSON.stringify([{ id: 1 }, { id: 2 }, { id: 3 }]) });
    const sfn = new Interpreter({ s3, startTime: 0 });
    const machine = sfn.createStateMachine({
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'bucket', Key: 'items.json' }, ReaderConfig: { InputType: 'JSON' } },
          ItemBatcher: { MaxItemsPerBatch: 2, BatchInput: { 'tag.$': '$.tag' } },
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Count',
            States: { Count: { Type: 'Pass', Parameters: { 'n.$': 'States.ArrayLength($.Items)', 'tag.$': '$.BatchInput.tag', 'exec.$': '$$.Execution.Name' }, End: true } },
          },
          Label: 'Batches',
          End: true,
        },
      },
    }, { name: 'Parent' });
    const execution = machine.startExecution({ tag: 't' });
    const result = await execution.result;
    expect(result.status).toBe('SUCCEEDED');
    expect((result.output as { n: number; tag: string }[]).map(({ n, tag }) => ({ n, tag }))).toEqual([{ n: 2, tag: 't' }, { n: 1, tag: 't' }]);
    expect(eventTypes(execution)).toEqual(['ExecutionStarted', 'MapStateEntered', 'MapStateStarted', 'MapRunStarted', 'MapRunSucceeded', 'MapStateSucceeded', 'MapStateExited', 'ExecutionSucceeded']);
    const run = execution.history().find((e) => e.type === 'MapRunStarted');
    expect(run?.mapRunStartedEventDetails?.mapRunArn).toMatch(/^arn:aws:states:us-east-1:123456789012:mapRun:Parent\/Batches:/);
  });

  it('writes child results to S3 with a ResultWriter and returns the manifest location', async () => {
    const s3 = new InMemoryS3();
    const sfn = new Interpreter({ s3, startTime: 0 });
    const machine = sfn.createStateMachine({
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
          ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'out', Prefix: 'runs' } },
          End: true,
        },
      },
    });
    const result = await machine.startExecution([1, 2]).result;
    const output = result.output as { MapRunArn: string; ResultWriterDetails: { Bucket: string; Key: string } };
    expect(output.ResultWriterDetails.Bucket).toBe('out');
    expect(output.ResultWriterDetails.Key).toMatch(/^runs\/.+\/manifest\.json$/);
    expect(s3.getObject('out', output.ResultWriterDetails.Key)).toBeDefined();
  });

  it('tolerates child failures within ToleratedFailurePercentage', async () => {
    const processor = { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$', NumericEquals: 2, Next: 'F' }], Default: 'OK' }, F: { Type: 'Fail', Error: 'Two' }, OK: { Type: 'Pass', End: true } } };
    const ok = await run({ StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: processor, ToleratedFailurePercentage: 50, End: true } } }, [1, 2, 3, 4]);
    expect(ok.result.status).toBe('SUCCEEDED');
    expect(ok.result.output).toEqual([1, { Error: 'Two' }, 3, 4]);
    const ko = await run({ StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: processor, ToleratedFailurePercentage: 10, End: true } } }, [1, 2, 3, 4]);
    expect(ko.result.error).toBe('States.ExceedToleratedFailureThreshold');
  });

  it('fails with States.ExceedToleratedFailureThreshold when a child fails and nothing is tolerated', async () => {
    const { result } = await run({
      StartAt: 'M',
      States: { M: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'F', States: { F: { Type: 'Fail', Error: 'X' } } }, End: true } },
    }, [1]);
    expect(result.error).toBe('States.ExceedToleratedFailureThreshold');
  });
});
