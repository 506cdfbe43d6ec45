import { describe, expect, it } from 'vitest';
import { decodeTaskToken } from '../../../src/interpreter/callbacks/task-token';
import { neverAnswers, StepFunctionsApiError } from '../../../src/interpreter';
import { apiErrorOf, eventTypes, newInterpreter, secondsAt } from './support';

const SQS_WAIT = 'arn:aws:states:::sqs:sendMessage.waitForTaskToken';

function callbackMachine(extra: Record<string, unknown> = {}) {
  return {
    StartAt: 'Wait',
    States: {
      Wait: {
        Type: 'Task',
        Resource: SQS_WAIT,
        Parameters: { QueueUrl: 'q', MessageBody: { token: { 'Token.$': '$$.Task.Token' } } },
        ...extra,
        End: true,
      },
    },
  };
}

describe('.waitForTaskToken', () => {
  it('pauses until sendTaskSuccess; the token is in $$.Task.Token and the output is the callback’s', async () => {
    const sfn = newInterpreter();
    const execution = sfn.createStateMachine(callbackMachine(), { name: 'M' }).startExecution({});
    const pending = await sfn.callbacks.nextPending({ stateName: 'Wait' });
    expect(pending).toMatchObject({ kind: 'callback', status: 'STARTED', stateName: 'Wait', executionArn: execution.executionArn, retryCount: 0 });
    expect((pending.input as { MessageBody: { token: { Token: string } } }).MessageBody.token.Token).toBe(pending.taskToken);
    expect(pending.taskToken.length).toBeGreaterThanOrEqual(1);
    expect(pending.taskToken.length).toBeLessThanOrEqual(1024);
    expect(execution.status).toBe('RUNNING');
    sfn.sendTaskSuccess(pending.taskToken, JSON.stringify({ approved: true }));
    expect(await execution.result).toEqual({ status: 'SUCCEEDED', output: { approved: true } });
    expect(eventTypes(execution)).toEqual([
      'ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded',
    ]);
    expect(sfn.callbacks.pending()).toEqual([]);
  });

  it('exposes the token to JSONata as $states.context.Task.Token', async () => {
    const sfn = newInterpreter();
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'Wait',
      States: { Wait: { Type: 'Task', Resource: SQS_WAIT, Arguments: { QueueUrl: 'q', MessageBody: '{% $states.context.Task.Token %}' }, End: true } },
    };
    const execution = sfn.createStateMachine(definition).startExecution({});
    const pending = await sfn.callbacks.nextPending();
    expect((pending.input as { MessageBody: string }).MessageBody).toBe(pending.taskToken);
    sfn.sendTaskSuccess(pending.taskToken, '"done"');
    expect(await execution.result).toEqual({ status: 'SUCCEEDED', output: 'done' });
  });

  it('sendTaskFailure fails the task; Retry runs a new attempt with a fresh token; Catch applies', async () => {
    const sfn = newInterpreter();
    const definition = {
      StartAt: 'Wait',
      States: {
        Wait: {
          Type: 'Task',
          Resource: SQS_WAIT,
          Parameters: { 'Token.$': '$$.Task.Token' },
          Retry: [{ ErrorEquals: ['Flaky'], MaxAttempts: 1, IntervalSeconds: 5 }],
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', End: true },
      },
    };
    const execution = sfn.createStateMachine(definition).startExecution({ order: 1 });
    const first = await sfn.callbacks.nextPending();
    sfn.sendTaskFailure(first.taskToken, 'Flaky', 'try again');
    const second = await sfn.callbacks.nextPending();
    expect(second.taskToken).not.toBe(first.taskToken);
    expect(second.retryCount).toBe(1);
    expect(decodeTaskToken(second.taskToken)).toMatchObject({ stateName: 'Wait', retryCount: 1, executionArn: execution.executionArn });
    sfn.sendTaskFailure(second.taskToken, 'Rejected', 'nope');
    expect(await execution.result).toEqual({ status: 'SUCCEEDED', output: { order: 1, error: { Error: 'Rejected', Cause: 'nope' } } });
    expect(secondsAt(execution, 'TaskScheduled', 1)).toBe(5);
  });

  it('an answer can come much later on the clock', async () => {
    const sfn = newInterpreter();
    const execution = sfn.createStateMachine(callbackMachine()).startExecution({});
    const { taskToken } = await sfn.callbacks.nextPending();
    sfn.clock.setTimer(3 * 24 * 3600 * 1000, () => sfn.sendTaskSuccess(taskToken, '{}'));
    expect(await execution.result).toEqual({ status: 'SUCCEEDED', output: {} });
    expect(secondsAt(execution, 'TaskSucceeded')).toBe(3 * 24 * 3600);
  });

  it('HeartbeatSeconds fails the task with States.Timeout unless heartbeats arrive; each heartbeat restarts the clock', async () => {
    const sfn = newInterpreter();
    const machine = sfn.createStateMachine(callbackMachine({ HeartbeatSeconds: 60 }));
    const beating = machine.startExecution({});
    const { taskToken } = await sfn.callbacks.nextPending({ executionArn: beating.executionArn });
    for (const s of [50, 100, 150]) sfn.clock.setTimer(s * 1000, () => sfn.sendTaskHeartbeat(taskToken));
    sfn.clock.setTimer(200 * 1000, () => sfn.sendTaskSuccess(taskToken, '"alive"'));
    expect(await beating.result).toEqual({ status: 'SUCCEEDED', output: 'alive' });

    const silent = machine.startExecution({});
    const start = sfn.clock.now();
    expect(await silent.result).toEqual({ status: 'FAILED', error: 'States.Timeout', cause: '' });
    expect(eventTypes(silent).slice(-2)).toEqual(['TaskTimedOut', 'ExecutionFailed']);
    const timedOut = silent.history().find((e) => e.type === 'TaskTimedOut')!;
    expect((timedOut.timestamp!.getTime() - start) / 1000).toBe(60);
    expect(timedOut.taskTimedOutEventDetails).toMatchObject({ error: 'States.Timeout', cause: '' });
  });

  it('TimeoutSeconds, TimeoutSecondsPath and HeartbeatSecondsPath fail the task on the clock; Catch sees States.Timeout', async () => {
    const sfn = newInterpreter();
    const timeout = sfn.createStateMachine(callbackMachine({ TimeoutSeconds: 30, HeartbeatSeconds: 20 }));
    const e1 = timeout.startExecution({});
    const { taskToken } = await sfn.callbacks.nextPending();
    sfn.clock.setTimer(15_000, () => sfn.sendTaskHeartbeat(taskToken));
    sfn.clock.setTimer(29_000, () => sfn.sendTaskHeartbeat(taskToken));
    expect(await e1.result).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(secondsAt(e1, 'TaskTimedOut')).toBe(30);

    const paths = sfn.createStateMachine({
      StartAt: 'Wait',
      States: {
        Wait: {
          Type: 'Task',
          Resource: SQS_WAIT,
          TimeoutSecondsPath: '$.timeout',
          HeartbeatSecondsPath: '$.heartbeat',
          Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'TimedOut' }],
          End: true,
        },
        TimedOut: { Type: 'Pass', Result: 'gave up', End: true },
      },
    });
    const begin = sfn.clock.now();
    const e2 = paths.startExecution({ timeout: 500, heartbeat: 120 });
    expect(await e2.result).toEqual({ status: 'SUCCEEDED', output: 'gave up' });
    const at = e2.history().find((e) => e.type === 'TaskTimedOut')!.timestamp!.getTime();
    expect((at - begin) / 1000).toBe(120);
  });

  it('answers bad calls with AWS’s error names', async () => {
    const sfn = newInterpreter();
    let requestResponseToken = '';
    const definition = {
      StartAt: 'Plain',
      States: {
        Plain: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { 'Token.$': '$$.Task.Token' }, Next: 'Wait' },
        Wait: { Type: 'Task', Resource: SQS_WAIT, HeartbeatSeconds: 10, End: true },
      },
    };
    const execution = sfn.createStateMachine(definition).startExecution({}, {
      mocks: {
        Plain: (input) => {
          requestResponseToken = (input as { Token: string }).Token;
          return {};
        },
      },
    });
    const { taskToken } = await sfn.callbacks.nextPending();
    expect(apiErrorOf(() => sfn.sendTaskSuccess('not-a-token', '{}'))).toBe('InvalidToken');
    expect(apiErrorOf(() => sfn.sendTaskSuccess('', '{}'))).toBe('InvalidToken');
    expect(apiErrorOf(() => sfn.sendTaskSuccess('x'.repeat(1025), '{}'))).toBe('InvalidToken');
    expect(apiErrorOf(() => sfn.sendTaskSuccess(requestResponseToken, '{}'))).toBe('TaskDoesNotExist');
    expect(apiErrorOf(() => sfn.sendTaskHeartbeat(requestResponseToken))).toBe('TaskDoesNotExist');
    expect(apiErrorOf(() => sfn.sendTaskSuccess(taskToken, '{not json'))).toBe('InvalidOutput');
    expect(apiErrorOf(() => sfn.sendTaskSuccess(taskToken, JSON.stringify('x'.repeat(262_145))))).toBe('InvalidOutput');
    expect(apiErrorOf(() => sfn.sendTaskSuccess(taskToken, { not: 'text' } as never))).toBe('InvalidOutput');
    expect(execution.status).toBe('RUNNING'); // bad calls change nothing
    expect(await execution.result).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(apiErrorOf(() => sfn.sendTaskSuccess(taskToken, '{}'))).toBe('TaskTimedOut');
    expect(apiErrorOf(() => sfn.sendTaskHeartbeat(taskToken))).toBe('TaskTimedOut');
    try {
      sfn.sendTaskFailure(taskToken, 'E');
    } catch (error) {
      expect(error).toBeInstanceOf(StepFunctionsApiError);
      expect((error as Error).message).toMatch(/timed out/);
    }
  });

  it('a closed task (answered, or its execution stopped) answers TaskTimedOut', async () => {
    const sfn = newInterpreter();
    const machine = sfn.createStateMachine(callbackMachine());
    const answered = machine.startExecution({});
    const first = await sfn.callbacks.nextPending({ executionArn: answered.executionArn });
    sfn.sendTaskSuccess(first.taskToken, '1');
    await answered.result;
    expect(apiErrorOf(() => sfn.sendTaskSuccess(first.taskToken, '2'))).toBe('TaskTimedOut');

    const stopped = machine.startExecution({});
    const second = await sfn.callbacks.nextPending({ executionArn: stopped.executionArn });
    stopped.stop('Cancelled', 'by test');
    expect(await stopped.result).toEqual({ status: 'ABORTED', error: 'Cancelled', cause: 'by test' });
    expect(eventTypes(stopped).slice(-2)).toEqual(['TaskStateAborted', 'ExecutionAborted']);
    expect(apiErrorOf(() => sfn.sendTaskFailure(second.taskToken))).toBe('TaskTimedOut');
  });

  it('sendTaskFailure without error or cause gives null error and cause to Catch, as AWS does', async () => {
    const sfn = newInterpreter();
    const definition = {
      StartAt: 'Wait',
      States: {
        Wait: { Type: 'Task', Resource: SQS_WAIT, Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.err', Next: 'Done' }], End: true },
        Done: { Type: 'Pass', End: true },
      },
    };
    const execution = sfn.createStateMachine(definition).startExecution({});
    sfn.sendTaskFailure((await sfn.callbacks.nextPending()).taskToken);
    expect(await execution.result).toEqual({ status: 'SUCCEEDED', output: { err: { Error: null, Cause: null } } });
  });

  it('a mock answers as the callback would; a mock returning neverAnswers() can hand the token to a consumer', async () => {
    const sfn = newInterpreter();
    const machine = sfn.createStateMachine(callbackMachine());
    const direct = await machine.startExecution({}, { mocks: { Wait: () => ({ from: 'mock' }) } }).result;
    expect(direct).toEqual({ status: 'SUCCEEDED', output: { from: 'mock' } });

    const queue: string[] = [];
    const execution = machine.startExecution({}, {
      mocks: {
        Wait: (input) => {
          queue.push((input as { MessageBody: { token: { Token: string } } }).MessageBody.token.Token);
          return neverAnswers();
        },
      },
    });
    // The consumer runs later on the clock, as a queue-triggered function would.
    sfn.clock.setTimer(5_000, () => sfn.sendTaskSuccess(queue.shift()!, '"consumed"'));
    expect(await execution.result).toEqual({ status: 'SUCCEEDED', output: 'consumed' });
    expect(secondsAt(execution, 'TaskSucceeded')).toBe(5);
  });

  it('a callback nobody answers still ends: at the 1-year limit, saying what it waited for', async () => {
    const sfn = newInterpreter();
    const execution = sfn.createStateMachine(callbackMachine()).startExecution({});
    const result = await execution.result;
    expect(result.status).toBe('TIMED_OUT');
    expect(result.error).toBe('States.Timeout');
    expect(result.cause).toMatch(/maximum duration.*state 'Wait' waits for SendTaskSuccess\/SendTaskFailure/);
    expect(eventTypes(execution).slice(-2)).toEqual(['TaskStateAborted', 'ExecutionTimedOut']);
  });

  it('keeps pending tasks as plain data (JSON round trip) with their deadlines', async () => {
    const sfn = newInterpreter();
    const execution = sfn.createStateMachine(callbackMachine({ TimeoutSeconds: 900, HeartbeatSeconds: 300 })).startExecution({ a: 1 });
    const pending = await sfn.callbacks.nextPending();
    expect(JSON.parse(JSON.stringify(pending))).toEqual(pending);
    const now = sfn.clock.now();
    expect(pending).toMatchObject({ timeoutSeconds: 900, heartbeatSeconds: 300, timeoutAt: now + 900_000, heartbeatAt: now + 300_000, startedAt: now });
    sfn.sendTaskHeartbeat(pending.taskToken);
    sfn.sendTaskSuccess(pending.taskToken, '{}');
    await execution.result;
  });
});
