import { describe, expect, it } from 'vitest';
import { InMemoryS3, Interpreter } from '../../../src/interpreter';
import { eventTypes, run } from '../run';

const pass = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
const distributed = (extra: object = {}) => ({
  StartAt: 'P',
  States: { P: { Type: 'Pass', End: true } },
  ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
  ...extra,
});

describe('Map over a JSON object', () => {
  it('Distributed (JSONPath ItemsPath): one child per member, input {Key, Value}, $$.Map.Item.Key in the ItemSelector', async () => {
    const definition = {
      StartAt: 'M',
      States: {
        M: { Type: 'Map', ItemsPath: '$.servers', ItemProcessor: distributed(), End: true },
      },
    };
    const { result, execution } = await run(definition, { servers: { web: { port: 80 }, db: { port: 5432 } } });
    expect(result.output).toEqual([
      { Key: 'web', Value: { port: 80 } },
      { Key: 'db', Value: { port: 5432 } },
    ]);
    const [mapRun] = execution.mapRuns();
    expect(mapRun.executions.map((child) => child.input)).toEqual([
      { Key: 'web', Value: { port: 80 } },
      { Key: 'db', Value: { port: 5432 } },
    ]);

    const withSelector = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemsPath: '$.servers',
          ItemSelector: { 'name.$': '$$.Map.Item.Key', 'port.$': '$$.Map.Item.Value.port', 'index.$': '$$.Map.Item.Index' },
          ItemProcessor: distributed(),
          End: true,
        },
      },
    };
    const selected = await run(withSelector, { servers: { web: { port: 80 }, db: { port: 5432 } } });
    expect(selected.result.output).toEqual([
      { name: 'web', port: 80, index: 0 },
      { name: 'db', port: 5432, index: 1 },
    ]);
  });

  it('Distributed (JSONata Items and default input): iterates object members; $states.context.Map.Item.Key', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          Items: '{% $states.input.scores %}',
          ItemSelector: { who: '{% $states.context.Map.Item.Key %}', score: '{% $states.context.Map.Item.Value %}' },
          ItemProcessor: distributed(),
          End: true,
        },
      },
    };
    const { result } = await run(definition, { scores: { ann: 3, bob: 5 } });
    expect(result.output).toEqual([
      { who: 'ann', score: 3 },
      { who: 'bob', score: 5 },
    ]);

    const byDefault = await run({ QueryLanguage: 'JSONata', StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: distributed(), End: true } } }, { a: 1 });
    expect(byDefault.result.output).toEqual([{ Key: 'a', Value: 1 }]);
  });

  it('Inline Maps keep AWS’s recorded array-only errors; scalars fail in both modes', async () => {
    const inlineJsonPath = { StartAt: 'M', States: { M: { Type: 'Map', ItemsPath: '$.items', ItemProcessor: pass, End: true } } };
    for (const items of [{ a: 1 }, 'text', 7]) {
      const { result } = await run(inlineJsonPath, { items });
      expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
      expect(result.cause).toContain('Reference path "$.items" must point to array.');
    }
    const inlineJsonata = { QueryLanguage: 'JSONata', StartAt: 'M', States: { M: { Type: 'Map', Items: '{% $states.input.items %}', ItemProcessor: pass, End: true } } };
    const objectInline = await run(inlineJsonata, { items: { foo: 'bar' } });
    expect(objectInline.result).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
    expect(objectInline.result.cause).toContain("Expected 'array', but was 'object'");

    const distributedScalar = { StartAt: 'M', States: { M: { Type: 'Map', ItemsPath: '$.items', ItemProcessor: distributed(), End: true } } };
    const scalar = await run(distributedScalar, { items: 'text' });
    expect(scalar.result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(scalar.result.cause).toContain('Reference path "$.items" must point to array.');
  });
});

describe('$$.Map.Item.Source (Distributed Map)', () => {
  const selectSource = (itemReader?: object) => ({
    StartAt: 'M',
    States: {
      M: {
        Type: 'Map',
        ...(itemReader ? { ItemReader: itemReader } : {}),
        ItemSelector: { 'source.$': '$$.Map.Item.Source', 'value.$': '$$.Map.Item.Value' },
        ItemProcessor: distributed(),
        End: true,
      },
    },
  });

  async function runWithS3(definition: object, input: unknown, objects: Record<string, string>) {
    const sfn = new Interpreter({ startTime: '2024-01-01T00:00:00Z', s3: new InMemoryS3(objects) });
    const execution = sfn.createStateMachine(definition).startExecution(input as never);
    return (await execution.result).output;
  }

  it('is STATE_DATA for items from the state input', async () => {
    const { result } = await run(selectSource(), [1]);
    expect(result.output).toEqual([{ source: 'STATE_DATA', value: 1 }]);
  });

  it('is the object URI for s3:getObject and the bucket URI for a listObjectsV2 listing', async () => {
    const fromObject = await runWithS3(
      selectSource({ Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'b', Key: 'in/items.json' } }),
      {},
      { 'b/in/items.json': '[1]' },
    );
    expect(fromObject).toEqual([{ source: 'S3://b/in/items.json', value: 1 }]);

    const listing = await runWithS3(
      selectSource({ Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'b', Prefix: 'in/' } }),
      {},
      { 'b/in/x.json': '[1]' },
    );
    expect(listing).toMatchObject([{ source: 'S3://b', value: { Key: 'in/x.json' } }]);

    const flattened = await runWithS3(
      selectSource({
        Resource: 'arn:aws:states:::s3:listObjectsV2',
        ReaderConfig: { InputType: 'JSON', Transformation: 'LOAD_AND_FLATTEN' },
        Parameters: { Bucket: 'b', Prefix: 'in/' },
      }),
      {},
      { 'b/in/x.json': '[1, 2]', 'b/in/y.json': '[3]' },
    );
    expect(flattened).toEqual([
      { source: 'S3://b/in/x.json', value: 1 },
      { source: 'S3://b/in/x.json', value: 2 },
      { source: 'S3://b/in/y.json', value: 3 },
    ]);
  });
});

describe('Map Runs: child executions of a Distributed Map', () => {
  it('lists each child with status, input, output, description and its own history', async () => {
    const definition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ToleratedFailureCount: 1,
          ItemProcessor: {
            ...distributed(),
            StartAt: 'Check',
            States: {
              Check: { Type: 'Choice', Choices: [{ Variable: '$', NumericEquals: 2, Next: 'Bad' }], Default: 'Good' },
              Good: { Type: 'Pass', End: true },
              Bad: { Type: 'Fail', Error: 'Item.Bad', Cause: 'two' },
            },
          },
          End: true,
        },
      },
    };
    const { result, execution } = await run(definition, [1, 2, 3]);
    expect(result.status).toBe('SUCCEEDED');
    const runs = execution.mapRuns();
    expect(runs).toHaveLength(1);
    const [mapRun] = runs;
    expect(mapRun.mapRunArn).toMatch(/^arn:aws:states:us-east-1:123456789012:mapRun:Test\/M:[0-9a-f-]{36}$/);
    expect(mapRun.stateName).toBe('M');
    expect(mapRun.status).toBe('SUCCEEDED');
    expect(mapRun.itemCounts()).toEqual({ total: 3, pending: 0, running: 0, succeeded: 2, failed: 1, timedOut: 0, aborted: 0 });
    expect(mapRun.executions.map((c) => [c.status, c.input, c.output ?? c.error])).toEqual([
      ['SUCCEEDED', 1, 1],
      ['FAILED', 2, 'Item.Bad'],
      ['SUCCEEDED', 3, 3],
    ]);
    const failed = mapRun.executions[1];
    expect(failed.describe()).toMatchObject({ status: 'FAILED', error: 'Item.Bad', cause: 'two', input: 2, stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Test/M' });
    expect(failed.executionArn).toMatch(/^arn:aws:states:us-east-1:123456789012:execution:Test\/M:/);
    expect(failed.history().map((e) => e.type)).toEqual(['ExecutionStarted', 'ChoiceStateEntered', 'ChoiceStateExited', 'FailStateEntered', 'ExecutionFailed']);
    expect(mapRun.executions[0].history().map((e) => e.type)).toEqual([
      'ExecutionStarted', 'ChoiceStateEntered', 'ChoiceStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded',
    ]);
    // The parent history holds only the Map Run's events, with their details.
    const history = execution.history();
    expect(eventTypes(execution)).toEqual([
      'ExecutionStarted', 'MapStateEntered', 'MapStateStarted', 'MapRunStarted', 'MapRunSucceeded', 'MapStateSucceeded', 'MapStateExited', 'ExecutionSucceeded',
    ]);
    expect(history.find((e) => e.type === 'MapRunStarted')?.mapRunStartedEventDetails).toEqual({ mapRunArn: mapRun.mapRunArn });
  });

  it('a failed Map Run records MapRunFailed with error and cause, and its status says FAILED', async () => {
    const definition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: { ...distributed(), StartAt: 'Bad', States: { Bad: { Type: 'Fail', Error: 'Item.Bad', Cause: 'no' } } },
          End: true,
        },
      },
    };
    const { result, execution } = await run(definition, [1]);
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' });
    const failedEvent = execution.history().find((e) => e.type === 'MapRunFailed');
    expect(failedEvent?.mapRunFailedEventDetails).toEqual({
      error: 'States.ExceedToleratedFailureThreshold',
      cause: 'The specified tolerated failure threshold was exceeded',
    });
    const [mapRun] = execution.mapRuns();
    expect(mapRun).toMatchObject({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' });
    expect(mapRun.stopDate).toBe('2024-01-01T00:00:00.000Z');
  });

  it('a stopped execution aborts its Map Run (MapRunAborted) and the running children', async () => {
    const sfn = new Interpreter({ startTime: '2024-01-01T00:00:00Z' });
    const definition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: {
            ...distributed(),
            StartAt: 'Ask',
            States: {
              Ask: {
                Type: 'Task',
                Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
                Parameters: { QueueUrl: 'q', 'MessageBody.$': '$$.Task.Token' },
                End: true,
              },
            },
          },
          End: true,
        },
      },
    };
    const execution = sfn.createStateMachine(definition).startExecution([1, 2]);
    await sfn.callbacks.nextPending({ stateName: 'Ask' });
    execution.stop();
    await execution.result;
    const [mapRun] = execution.mapRuns();
    expect(mapRun.status).toBe('ABORTED');
    expect(mapRun.executions.map((c) => c.status)).toEqual(['ABORTED', 'ABORTED']);
    expect(mapRun.executions[0].history().at(-1)?.type).toBe('ExecutionAborted');
    expect(eventTypes(execution)).toContain('MapRunAborted');
  });

  it('executions without a Distributed Map have no Map Runs', async () => {
    const { execution } = await run({ StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: pass, End: true } } }, [1]);
    expect(execution.mapRuns()).toEqual([]);
  });
});
