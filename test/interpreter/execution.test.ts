import { describe, expect, it } from 'vitest';
import { InvalidDefinitionError } from '../../src/asl/validate';
import { Interpreter, neverAnswers, runExecution } from '../../src/interpreter';
import { eventTypes, run } from './run';

const waitForever = { StartAt: 'W', States: { W: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', End: true } } };

describe('Interpreter and executions', () => {
  it('rejects an invalid definition before running, with the validator’s error', () => {
    const sfn = new Interpreter();
    expect(() => sfn.createStateMachine({ StartAt: 'Nope', States: { A: { Type: 'Pass', End: true } } })).toThrow(InvalidDefinitionError);
  });

  it('exposes the context object with the configured names, ARNs and start time', async () => {
    const sfn = new Interpreter({ startTime: '2024-05-01T10:00:00Z', region: 'eu-west-1', accountId: '111122223333' });
    const machine = sfn.createStateMachine({ StartAt: 'P', States: { P: { Type: 'Pass', OutputPath: '$$', End: true } } }, { name: 'Orders', roleArn: 'arn:aws:iam::111122223333:role/r' });
    const result = await machine.startExecution({ a: 1 }, { name: 'run-1' }).result;
    expect(result.output).toEqual({
      Execution: {
        Id: 'arn:aws:states:eu-west-1:111122223333:execution:Orders:run-1',
        Input: { a: 1 },
        Name: 'run-1',
        RoleArn: 'arn:aws:iam::111122223333:role/r',
        StartTime: '2024-05-01T10:00:00.000Z',
        RedriveCount: 0,
      },
      StateMachine: { Id: 'arn:aws:states:eu-west-1:111122223333:stateMachine:Orders', Name: 'Orders' },
      State: { Name: 'P', EnteredTime: '2024-05-01T10:00:00.000Z' },
    });
  });

  it('stops an execution: running states are aborted and the status is ABORTED', async () => {
    const sfn = new Interpreter();
    // Stop from inside the running task: on a virtual clock, idling would let time jump to the timeouts.
    const execution = sfn.createStateMachine(waitForever).startExecution({}, {
      mocks: {
        W: () => {
          queueMicrotask(() => execution.stop('Cancelled', 'by test'));
          return neverAnswers();
        },
      },
    });
    expect(await execution.result).toEqual({ status: 'ABORTED', error: 'Cancelled', cause: 'by test' });
    expect(eventTypes(execution).slice(-2)).toEqual(['TaskStateAborted', 'ExecutionAborted']);
    expect(execution.describe()).toMatchObject({ status: 'ABORTED', stopDate: expect.any(String) });
  });

  it('times the execution out with the top-level TimeoutSeconds', async () => {
    const { result, execution } = await run({ ...waitForever, TimeoutSeconds: 30 }, {}, { mocks: { W: () => neverAnswers() } });
    expect(result).toEqual({ status: 'TIMED_OUT', error: 'States.Timeout' });
    const events = execution.history();
    expect(events[events.length - 1]).toMatchObject({ type: 'ExecutionTimedOut', executionTimedOutEventDetails: { error: 'States.Timeout' } });
    expect(events[events.length - 1].timestamp!.toISOString()).toBe('2024-01-01T00:00:30.000Z');
  });

  it('runs many executions concurrently on one clock, each with its own history', async () => {
    const sfn = new Interpreter({ startTime: 0 });
    const machine = sfn.createStateMachine({ StartAt: 'W', States: { W: { Type: 'Wait', SecondsPath: '$.s', End: true } } });
    const executions = [30, 10, 20].map((s) => machine.startExecution({ s }));
    const ends: number[] = [];
    await Promise.all(executions.map((e) => e.result.then(() => ends.push(e.history().length && Number(e.describe().stopDate && Date.parse(e.describe().stopDate!))))));
    expect(ends).toEqual([10_000, 20_000, 30_000]);
  });

  it('fails a Standard execution that exceeds its history limit', async () => {
    const sfn = new Interpreter({ maxHistoryEvents: 50 });
    const loop = sfn.createStateMachine({
      StartAt: 'A',
      States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Choice', Choices: [{ Variable: '$.stop', IsPresent: true, Next: 'End' }], Default: 'A' }, End: { Type: 'Succeed' } },
    });
    const result = await loop.startExecution({}).result;
    expect(result.error).toBe('States.Runtime');
    expect(result.cause).toContain('limit of 50 events');
  });

  it('runExecution is a one-shot convenience', async () => {
    const { result } = await runExecution({ StartAt: 'P', States: { P: { Type: 'Pass', Result: 1, End: true } } });
    expect(result).toEqual({ status: 'SUCCEEDED', output: 1 });
  });
});

describe('maximum durations', () => {
  it('ends an Express execution after 5 minutes', async () => {
    const { result, execution } = await run({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 200, Next: 'X' }, X: { Type: 'Wait', Seconds: 200, End: true } } }, {}, { type: 'EXPRESS' });
    expect(result).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect(execution.history().at(-1)!.timestamp!.toISOString()).toBe('2024-01-01T00:05:00.000Z');
  });
});

describe('public API types', () => {
  it('types results, statuses and mocks', async () => {
    const { expectTypeOf } = await import('vitest');
    const machine = new Interpreter().createStateMachine({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
    const execution = machine.startExecution({ a: 1 });
    expectTypeOf(execution.result).resolves.toEqualTypeOf<import('../../src/interpreter').ExecutionResult>();
    expectTypeOf(execution.status).toEqualTypeOf<'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED'>();
    // @ts-expect-error a mock must return JSON (or neverAnswers()), not a function
    machine.startExecution({}, { mocks: { P: () => () => 1 } });
    await execution.result;
  });
});
