import { describe, expect, it } from 'vitest';
import { Interpreter, planRedrive, taskFailure } from '../../src/interpreter';

// Two top-level states assign (and a branch state inside the Parallel, whose variable stays in its scope); Charge fails.
const definition = {
  StartAt: 'Prepare',
  States: {
    Prepare: {
      Type: 'Pass',
      Assign: { attempt: 'prepared' },
      Result: { order: 7 },
      Next: 'Fan',
    },
    Fan: {
      Type: 'Parallel',
      Branches: [
        {
          StartAt: 'Inner',
          States: {
            Inner: { Type: 'Pass', Assign: { inner: true }, End: true },
          },
        },
      ],
      ResultPath: null,
      Assign: { fanned: 2 },
      Next: 'Charge',
    },
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: {
        'order.$': '$.order',
        'attempt.$': '$attempt',
        'fanned.$': '$fanned',
        'redrives.$': '$$.Execution.RedriveCount',
      },
      End: true,
    },
  },
};

describe('redriving an execution (planRedrive + startExecution({ redrive }))', () => {
  it('goes on from the unsuccessful top-level state with its input and the variables assigned before it', async () => {
    const sfn = new Interpreter({ startTime: '2024-01-01T00:00:00Z' });
    const machine = sfn.createStateMachine(definition, { name: 'Orders' });
    const calls: unknown[] = [];
    const failed = machine.startExecution(
      { first: true },
      {
        name: 'o-7',
        mocks: {
          Charge: (input) => {
            calls.push(input);
            throw taskFailure('Declined', 'card expired');
          },
        },
      },
    );
    expect(await failed.result).toMatchObject({ status: 'FAILED', error: 'Declined' });
    expect(calls[0]).toMatchObject({ redrives: 0 });

    const redrive = planRedrive(machine.definition, failed.history(), {
      redriveCount: 0,
      startTime: failed.describe().startDate,
      now: Date.parse('2024-01-02T00:00:00Z'),
    });
    expect(redrive).toEqual({
      fromState: 'Charge',
      stateInput: { order: 7 },
      variables: { attempt: 'prepared', fanned: 2 },
      redriveCount: 1,
      redriveTime: '2024-01-02T00:00:00.000Z',
      startTime: '2024-01-01T00:00:00.000Z',
    });
    const again = machine.startExecution(
      { first: true },
      {
        name: 'o-7',
        mocks: { Charge: (input) => (calls.push(input), { charged: true }) },
        redrive,
      },
    );
    const result = await again.result;
    expect(result).toMatchObject({ status: 'SUCCEEDED' });
    expect(calls[1]).toMatchObject({
      order: 7,
      attempt: 'prepared',
      fanned: 2,
      redrives: 1,
    });
    expect(again.executionArn).toBe(failed.executionArn);
    const events = again.history();
    expect(events[0]).toMatchObject({
      id: 1,
      type: 'ExecutionRedriven',
      executionRedrivenEventDetails: { redriveCount: 1 },
    });
    expect(events[1]).toMatchObject({
      type: 'TaskStateEntered',
      previousEventId: 1,
      stateEnteredEventDetails: { name: 'Charge' },
    });
    expect(events.filter((e) => e.type!.endsWith('StateEntered')).map((e) => e.stateEnteredEventDetails!.name)).toEqual(['Charge']);
  });

  it('starts from StartAt with the execution input when no state was entered, and counts on from earlier redrives', () => {
    const sfn = new Interpreter();
    const machine = sfn.createStateMachine(definition);
    const events = [
      {
        id: 1,
        previousEventId: 0,
        type: 'ExecutionStarted',
        timestamp: new Date(),
        executionStartedEventDetails: { input: '{"a":1}' },
      },
    ] as const;
    const redrive = planRedrive(machine.definition, events as never, {
      redriveCount: 2,
      startTime: '2024-01-01T00:00:00.000Z',
      now: 0,
    });
    expect(redrive).toMatchObject({
      fromState: 'Prepare',
      stateInput: { a: 1 },
      variables: {},
      redriveCount: 3,
    });
  });

  it('a redriven run snapshots and resumes like any execution', async () => {
    const sfn = new Interpreter({ startTime: '2024-01-01T00:00:00Z' });
    const machine = sfn.createStateMachine(definition, { name: 'Orders' });
    const failed = machine.startExecution(
      {},
      {
        name: 'o-8',
        mocks: {
          Charge: () => {
            throw taskFailure('Declined');
          },
        },
      },
    );
    await failed.result;
    const redrive = planRedrive(machine.definition, failed.history(), {
      redriveCount: 0,
      startTime: failed.describe().startDate,
      now: sfn.clock.now(),
    });
    const waiting = {
      ...definition,
      States: {
        ...definition.States,
        Charge: {
          ...definition.States.Charge,
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: { 'token.$': '$$.Task.Token' },
        },
      },
    };
    const waitingMachine = sfn.createStateMachine(waiting, { name: 'Waiting' });
    const again = waitingMachine.startExecution({}, { name: 'o-8', redrive });
    await sfn.callbacks.nextPending({ executionArn: again.executionArn });
    const saved = JSON.parse(JSON.stringify(again.snapshot()));
    expect(saved.execution.redrive).toEqual(redrive);
    const other = new Interpreter({ startTime: saved.clockNow });
    const resumed = await other.resumeExecution(saved);
    expect(JSON.parse(JSON.stringify(resumed.history()))).toEqual(saved.history);
    expect(resumed.history()[0]).toMatchObject({ type: 'ExecutionRedriven' });
    const [task] = other.callbacks.pending({
      executionArn: resumed.executionArn,
    });
    other.sendTaskSuccess(task.taskToken, '{"ok":true}');
    expect(await resumed.result).toMatchObject({
      status: 'SUCCEEDED',
      output: { ok: true },
    });
    again.stop();
  });
});
