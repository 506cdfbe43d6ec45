import { describe, expect, it } from 'vitest';
import { run } from './run';

describe('history in GetExecutionHistory format', () => {
  it('numbers events, chains previousEventId, and stringifies payloads on read', async () => {
    const { execution } = await run({ StartAt: 'P', States: { P: { Type: 'Pass', Result: { r: 1 }, Assign: { v: 2 }, End: true } } }, { a: 1 });
    const events = execution.history();
    expect(events.map(({ id, previousEventId, type }) => [id, previousEventId, type])).toEqual([
      [1, 0, 'ExecutionStarted'],
      [2, 0, 'PassStateEntered'],
      [3, 2, 'PassStateExited'],
      [4, 3, 'ExecutionSucceeded'],
    ]);
    expect(events[0].executionStartedEventDetails).toEqual({
      input: '{"a":1}',
      inputDetails: { truncated: false },
      roleArn: 'arn:aws:iam::123456789012:role/StatecraftExecutionRole',
    });
    expect(events[1].stateEnteredEventDetails).toEqual({ name: 'P', input: '{"a":1}', inputDetails: { truncated: false } });
    expect(events[2].stateExitedEventDetails).toEqual({
      name: 'P',
      output: '{"r":1}',
      outputDetails: { truncated: false },
      assignedVariables: { v: '2' },
      assignedVariablesDetails: { truncated: false },
    });
    expect(events[3].executionSucceededEventDetails).toEqual({ output: '{"r":1}', outputDetails: { truncated: false } });
    expect(events[0].timestamp).toBeInstanceOf(Date);
  });

  it('records task details per integration (TaskScheduled parameters, region, timeouts)', async () => {
    const { execution } = await run(
      { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl: 'q' }, TimeoutSeconds: 9, End: true } } },
      {},
      { mocks: { T: () => ({ MessageId: 'm' }) } },
    );
    const [, , scheduled, started, succeeded] = execution.history();
    expect(scheduled.taskScheduledEventDetails).toEqual({
      resourceType: 'sqs',
      resource: 'sendMessage',
      region: 'us-east-1',
      parameters: '{"QueueUrl":"q"}',
      parametersDetails: { truncated: false },
      timeoutInSeconds: 9,
    });
    expect(started.taskStartedEventDetails).toEqual({ resourceType: 'sqs', resource: 'sendMessage' });
    expect(succeeded.taskSucceededEventDetails).toEqual({ resourceType: 'sqs', resource: 'sendMessage', output: '{"MessageId":"m"}', outputDetails: { truncated: false } });
  });

  it('can skip keeping events (recordHistory: false) while still enforcing the limit', async () => {
    const { Interpreter } = await import('../../src/interpreter');
    const sfn = new Interpreter({ recordHistory: false, maxHistoryEvents: 30 });
    const machine = sfn.createStateMachine({ StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } } });
    const small = machine.startExecution([1, 2]);
    expect(await small.result).toEqual({ status: 'SUCCEEDED', output: [1, 2] });
    expect(small.history()).toEqual([]);
    expect((await machine.startExecution([1, 2, 3, 4, 5, 6, 7, 8]).result).error).toBe('States.Runtime');
  });

  it('records Map iterations with the Map state name and index', async () => {
    const { execution } = await run({ StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } } }, [7]);
    const started = execution.history().find((e) => e.type === 'MapIterationStarted');
    expect(started?.mapIterationStartedEventDetails).toEqual({ name: 'M', index: 0 });
    expect(execution.history().map((e) => e.type)).toEqual([
      'ExecutionStarted', 'MapStateEntered', 'MapStateStarted', 'MapIterationStarted', 'PassStateEntered', 'PassStateExited',
      'MapIterationSucceeded', 'MapStateSucceeded', 'MapStateExited', 'ExecutionSucceeded',
    ]);
  });
});
