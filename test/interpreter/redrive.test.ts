import { describe, expect, it } from 'vitest';
import { Interpreter, planRedrive, taskFailure, type Execution, type ExecutionRedrive, type HistoryEvent } from '../../src/interpreter';

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

/** Counts calls per key; `fail(key)` says whether this call fails. */
function counter(fail: (key: string, nth: number) => boolean, answer: (input: unknown) => unknown = (input) => ({ done: input })) {
  const calls = new Map<string, number>();
  const mock = (key: (input: unknown) => string) => (input: unknown) => {
    const k = key(input);
    const nth = (calls.get(k) ?? 0) + 1;
    calls.set(k, nth);
    if (fail(k, nth)) throw taskFailure('Flaky', `call ${nth} of ${k}`);
    return answer(input) as never;
  };
  return { calls, mock };
}

function redriveOf(machine: { definition: never }, execution: Execution, earlier?: ExecutionRedrive) {
  return planRedrive(machine.definition, execution.history(), {
    redriveCount: earlier?.redriveCount ?? 0,
    startTime: execution.describe().startDate,
    now: Date.parse('2024-01-02T00:00:00Z'),
    mapRuns: execution.mapRuns(),
    redrive: earlier,
  });
}

// A Lambda function ARN: the task's result is the function's answer (no `Payload` envelope).
const lambda = 'arn:aws:lambda:us-east-1:123456789012:function:work';
const names = (events: HistoryEvent[]) => events.filter((e) => e.type!.endsWith('StateEntered')).map((e) => e.stateEnteredEventDetails!.name);

describe('redriving inside a Parallel or Map (AWS reruns only what did not succeed)', () => {
  it('Parallel: the succeeded branch keeps its output, the failed one goes on from its failed state with its variables, the aborted one from where it stopped', async () => {
    const definition = {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          Next: 'After',
          Branches: [
            {
              StartAt: 'A',
              States: {
                A: {
                  Type: 'Task',
                  Resource: lambda,
                  Parameters: { branch: 'a' },
                  End: true,
                },
              },
            },
            {
              StartAt: 'B1',
              States: {
                B1: {
                  Type: 'Task',
                  Resource: lambda,
                  Parameters: { branch: 'b1' },
                  Assign: { fromB1: 'kept' },
                  Next: 'B2',
                },
                B2: {
                  Type: 'Task',
                  Resource: lambda,
                  Parameters: { branch: 'b2', 'fromB1.$': '$fromB1' },
                  End: true,
                },
              },
            },
            {
              StartAt: 'C1',
              States: {
                C1: { Type: 'Wait', Seconds: 60, Next: 'C2' },
                C2: {
                  Type: 'Task',
                  Resource: lambda,
                  Parameters: { branch: 'c' },
                  End: true,
                },
              },
            },
          ],
        },
        After: { Type: 'Pass', End: true },
      },
    };
    const sfn = new Interpreter({ startTime: '2024-01-01T00:00:00Z' });
    const machine = sfn.createStateMachine(definition, { name: 'Fans' });
    const { calls, mock } = counter((key, nth) => key === 'b2' && nth === 1);
    const byBranch = mock((input) => (input as { branch: string }).branch);
    const mocks = { A: byBranch, B1: byBranch, B2: byBranch, C2: byBranch };
    const failed = machine.startExecution({}, { name: 'fan-1', mocks });
    expect(await failed.result).toMatchObject({
      status: 'FAILED',
      error: 'Flaky',
    });
    expect(Object.fromEntries(calls)).toEqual({ a: 1, b1: 1, b2: 1 });

    const redrive = redriveOf(machine as never, failed);
    expect(redrive).toMatchObject({
      fromState: 'Fan',
      inner: {
        kind: 'children',
        children: [
          { kept: { done: { branch: 'a' } } },
          {
            resume: {
              fromState: 'B2',
              stateInput: { done: { branch: 'b1' } },
              variables: { fromB1: 'kept' },
            },
          },
          { resume: { fromState: 'C1' } },
        ],
      },
    });
    // The plan is plain JSON (it is journaled with the redriven run).
    expect(JSON.parse(JSON.stringify(redrive))).toEqual(redrive);
    const again = machine.startExecution({}, { name: 'fan-1', mocks, redrive });
    const result = await again.result;
    expect(result).toMatchObject({ status: 'SUCCEEDED' });
    expect(result.output).toEqual([{ done: { branch: 'a' } }, { done: { branch: 'b2', fromB1: 'kept' } }, { done: { branch: 'c' } }]);
    expect(Object.fromEntries(calls)).toEqual({ a: 1, b1: 1, b2: 2, c: 1 });
    const events = again.history();
    expect(events.slice(0, 3).map((e) => e.type)).toEqual(['ExecutionRedriven', 'ParallelStateEntered', 'ParallelStateStarted']);
    expect(names(events)).toEqual(['Fan', 'B2', 'C1', 'C2', 'After']);
  });

  it('inline Map: only the failed and never-started iterations run, results stay in item order', async () => {
    const definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrency: 1,
          ItemProcessor: {
            StartAt: 'Prepare',
            States: {
              Prepare: {
                Type: 'Pass',
                Parameters: { 'item.$': '$' },
                Next: 'Work',
              },
              Work: { Type: 'Task', Resource: lambda, End: true },
            },
          },
          End: true,
        },
      },
    };
    const sfn = new Interpreter({ startTime: '2024-01-01T00:00:00Z' });
    const machine = sfn.createStateMachine(definition);
    const { calls, mock } = counter(
      (key, nth) => key === '2' && nth === 1,
      (input) => (input as { item: number }).item * 10,
    );
    const mocks = {
      Work: mock((input) => String((input as { item: number }).item)),
    };
    const failed = machine.startExecution({ items: [0, 1, 2, 3, 4] }, { name: 'each-1', mocks });
    expect(await failed.result).toMatchObject({ status: 'FAILED' });
    expect(Object.fromEntries(calls)).toEqual({ 0: 1, 1: 1, 2: 1 });

    const redrive = redriveOf(machine as never, failed);
    expect(redrive.inner).toEqual({
      kind: 'children',
      children: [
        { kept: 0 },
        { kept: 10 },
        {
          resume: { fromState: 'Work', stateInput: { item: 2 }, variables: {} },
        },
        null,
        null,
      ],
    });
    const again = machine.startExecution({ items: [0, 1, 2, 3, 4] }, { name: 'each-1', mocks, redrive });
    expect(await again.result).toEqual({
      status: 'SUCCEEDED',
      output: [0, 10, 20, 30, 40],
    });
    expect(Object.fromEntries(calls)).toEqual({ 0: 1, 1: 1, 2: 2, 3: 1, 4: 1 });
    const events = again.history();
    expect(events.filter((e) => e.type === 'MapIterationStarted').map((e) => e.mapIterationStartedEventDetails!.index)).toEqual([2, 3, 4]);
    expect(events.find((e) => e.type === 'MapStateStarted')!.mapStateStartedEventDetails).toEqual({ length: 5 });
    // Iteration 2 goes on at Work: its Prepare state does not run again.
    expect(names(events)).toEqual(['Each', 'Work', 'Prepare', 'Work', 'Prepare', 'Work']);
  });

  it('nested: a Map inside a Parallel branch reruns only its failed iteration; a second redrive still keeps what the first kept', async () => {
    const definition = {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          End: true,
          Branches: [
            {
              StartAt: 'Solo',
              States: {
                Solo: {
                  Type: 'Task',
                  Resource: lambda,
                  Parameters: { item: 'solo' },
                  End: true,
                },
              },
            },
            {
              StartAt: 'Each',
              States: {
                Each: {
                  Type: 'Map',
                  ItemsPath: '$.items',
                  MaxConcurrency: 1,
                  ItemSelector: { 'item.$': '$$.Map.Item.Value' },
                  ItemProcessor: {
                    StartAt: 'Work',
                    States: {
                      Work: { Type: 'Task', Resource: lambda, End: true },
                    },
                  },
                  End: true,
                },
              },
            },
          ],
        },
      },
    };
    const sfn = new Interpreter({ startTime: '2024-01-01T00:00:00Z' });
    const machine = sfn.createStateMachine(definition);
    // `y` fails on its first two calls: the first redrive fails again, the second succeeds.
    const { calls, mock } = counter(
      (key, nth) => key === 'y' && nth <= 2,
      (input) => (input as { item: string }).item.toUpperCase(),
    );
    const byItem = mock((input) => (input as { item: string }).item);
    const mocks = { Solo: byItem, Work: byItem };
    const failed = machine.startExecution({ items: ['x', 'y', 'z'] }, { name: 'nested-1', mocks });
    expect(await failed.result).toMatchObject({ status: 'FAILED' });
    const first = redriveOf(machine as never, failed);
    const again = machine.startExecution({ items: ['x', 'y', 'z'] }, { name: 'nested-1', mocks, redrive: first });
    expect(await again.result).toMatchObject({ status: 'FAILED' });
    // The second attempt ran only `y` (and nothing of the branch that had succeeded).
    expect(names(again.history())).toEqual(['Fan', 'Each', 'Work']);
    const second = redriveOf(machine as never, again, first);
    expect(second).toMatchObject({
      redriveCount: 2,
      inner: {
        children: [
          { kept: 'SOLO' },
          {
            resume: {
              fromState: 'Each',
              inner: {
                children: [{ kept: 'X' }, { resume: { fromState: 'Work' } }, null],
              },
            },
          },
        ],
      },
    });
    const third = machine.startExecution({ items: ['x', 'y', 'z'] }, { name: 'nested-1', mocks, redrive: second });
    expect(await third.result).toEqual({
      status: 'SUCCEEDED',
      output: ['SOLO', ['X', 'Y', 'Z']],
    });
    expect(Object.fromEntries(calls)).toEqual({ solo: 1, x: 1, y: 3, z: 1 });
  });

  it('Distributed Map: the Map Run is redriven (same ARN, MapRunRedriven); succeeded children keep their results, the failed one is redriven under its name', async () => {
    const definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrency: 1,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Prepare',
            States: {
              Prepare: {
                Type: 'Pass',
                Parameters: {
                  'item.$': '$',
                  'redrives.$': '$$.Execution.RedriveCount',
                },
                Next: 'Work',
              },
              Work: { Type: 'Task', Resource: lambda, End: true },
            },
          },
          End: true,
        },
      },
    };
    const sfn = new Interpreter({ startTime: '2024-01-01T00:00:00Z' });
    const machine = sfn.createStateMachine(definition, { name: 'Runs' });
    const { calls, mock } = counter(
      (key, nth) => key === '3' && nth === 1,
      (input) => input,
    );
    const mocks = {
      Work: mock((input) => String((input as { item: number }).item)),
    };
    const failed = machine.startExecution({ items: [1, 2, 3, 4] }, { name: 'runs-1', mocks });
    expect(await failed.result).toMatchObject({ status: 'FAILED' });
    const [run] = failed.mapRuns();
    expect(run.itemCounts()).toMatchObject({
      total: 4,
      succeeded: 2,
      failed: 1,
      pending: 1,
    });
    const failedChild = run.executions[2];

    const redrive = redriveOf(machine as never, failed);
    const again = machine.startExecution({ items: [1, 2, 3, 4] }, { name: 'runs-1', mocks, redrive });
    const result = await again.result;
    expect(result).toEqual({
      status: 'SUCCEEDED',
      // Item 3 goes on at Work with what its Prepare gave it in the first attempt (RedriveCount 0 then).
      output: [1, 2, 3, 4].map((item) => ({ item, redrives: 0 })),
    });
    expect(Object.fromEntries(calls)).toEqual({ 1: 1, 2: 1, 3: 2, 4: 1 });
    const events = again.history();
    expect(events.map((e) => e.type)).toEqual([
      'ExecutionRedriven',
      'MapStateEntered',
      'MapStateStarted',
      'MapRunRedriven',
      'MapRunSucceeded',
      'MapStateSucceeded',
      'MapStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events[3].mapRunRedrivenEventDetails).toEqual({
      mapRunArn: run.mapRunArn,
      redriveCount: 1,
    });
    const [redriven] = again.mapRuns();
    expect(redriven.mapRunArn).toBe(run.mapRunArn);
    expect(redriven.redriveCount).toBe(1);
    expect(redriven.startDate).toBe(run.startDate);
    expect(redriven.itemCounts()).toMatchObject({
      total: 4,
      succeeded: 4,
      failed: 0,
      pending: 0,
    });
    // The failed Standard child is redriven: same name and ARN, its history goes on with ExecutionRedriven at Work.
    const child = redriven.executions[2];
    expect(child.executionArn).toBe(failedChild.executionArn);
    expect(child.redriveCount).toBe(1);
    expect(
      child
        .history()
        .map((e) => e.type)
        .slice(0, 2),
    ).toEqual(['ExecutionRedriven', 'TaskStateEntered']);
    expect(redriven.executions[0]).toBeUndefined();
  });

  it('concurrent iterations whose events interleave: the nested Parallel of each iteration is split out of the history and only what did not succeed runs again', async () => {
    const definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: {
            StartAt: 'Fan',
            States: {
              Fan: {
                Type: 'Parallel',
                End: true,
                Branches: ['L', 'R'].map((side) => ({
                  StartAt: `${side}1`,
                  States: {
                    [`${side}1`]: { Type: 'Task', Resource: lambda, Parameters: { 'key.$': `States.Format('{}-${side}1', $)` }, Next: `${side}2` },
                    [`${side}2`]: { Type: 'Task', Resource: lambda, Parameters: { 'key.$': `States.Format('{}-${side}2', $.key)` }, End: true },
                  },
                })),
              },
            },
          },
          End: true,
        },
      },
    };
    const sfn = new Interpreter({ startTime: '2024-01-01T00:00:00Z' });
    const machine = sfn.createStateMachine(definition);
    const calls = new Map<string, number>();
    // Answers arrive after a number of microtask turns that differs per task, so iterations and branches interleave.
    const answer = async (input: unknown) => {
      const key = (input as { key: string }).key;
      const nth = (calls.get(key) ?? 0) + 1;
      calls.set(key, nth);
      for (let i = 0; i < (key.length * 7 + key.charCodeAt(0)) % 5; i++) await Promise.resolve();
      if (key === '2-R1-R2' && nth === 1) throw taskFailure('Flaky');
      return { key };
    };
    const mocks = { L1: answer, L2: answer, R1: answer, R2: answer };
    const items = [0, 1, 2, 3];
    const failed = machine.startExecution({ items }, { name: 'interleaved', mocks });
    expect(await failed.result).toMatchObject({ status: 'FAILED', error: 'Flaky' });
    const history = failed.history();
    // Events of different iterations do interleave.
    const iterationOrder = history.filter((e) => e.type === 'MapIterationStarted').map((e) => e.id!);
    expect(Math.max(...iterationOrder)).toBeLessThan(history.find((e) => e.type === 'LambdaFunctionSucceeded')!.id!);
    const succeeded = new Set(
      history
        .filter((e) => e.type === 'LambdaFunctionSucceeded')
        .map((e) => (JSON.parse(e.lambdaFunctionSucceededEventDetails!.output!) as { key: string }).key),
    );

    const redrive = redriveOf(machine as never, failed);
    const again = machine.startExecution({ items }, { name: 'interleaved', mocks, redrive });
    const result = await again.result;
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual(items.map((item) => [{ key: `${item}-L1-L2` }, { key: `${item}-R1-R2` }]));
    // A task that succeeded in the first attempt was not called again; every other one ran once more at most.
    const calledBefore = (key: string) => history.some((e) => e.lambdaFunctionScheduledEventDetails?.input?.includes(`"${key}"`));
    expect(succeeded.size).toBeGreaterThan(0);
    for (const [key, count] of calls) expect(count, key).toBe(succeeded.has(key) || !calledBefore(key) ? 1 : 2);
  });

  it('Distributed Map redriven twice: the Map Run and its failed child count their redrives, what the first redrive kept stays kept', async () => {
    const definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrency: 1,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Work',
            States: { Work: { Type: 'Task', Resource: lambda, Parameters: { 'item.$': '$', 'redrives.$': '$$.Execution.RedriveCount' }, End: true } },
          },
          End: true,
        },
      },
    };
    const sfn = new Interpreter({ startTime: '2024-01-01T00:00:00Z' });
    const machine = sfn.createStateMachine(definition, { name: 'Twice' });
    const { calls, mock } = counter((key, nth) => key === '2' && nth <= 2, (input) => input);
    const mocks = { Work: mock((input) => String((input as { item: number }).item)) };
    const input = { items: [1, 2, 3] };
    const failed = machine.startExecution(input, { name: 'twice', mocks });
    expect(await failed.result).toMatchObject({ status: 'FAILED' });
    const first = redriveOf(machine as never, failed);
    const again = machine.startExecution(input, { name: 'twice', mocks, redrive: first });
    expect(await again.result).toMatchObject({ status: 'FAILED' });
    expect(again.mapRuns()[0].executions[1].redriveCount).toBe(1);
    const second = redriveOf(machine as never, again, first);
    const third = machine.startExecution(input, { name: 'twice', mocks, redrive: second });
    expect(await third.result).toEqual({
      status: 'SUCCEEDED',
      output: [
        { item: 1, redrives: 0 },
        { item: 2, redrives: 2 },
        { item: 3, redrives: 0 },
      ],
    });
    expect(Object.fromEntries(calls)).toEqual({ 1: 1, 2: 3, 3: 1 });
    const [run] = third.mapRuns();
    expect(run.mapRunArn).toBe(failed.mapRuns()[0].mapRunArn);
    expect(run.redriveCount).toBe(2);
    expect(third.history().find((e) => e.type === 'MapRunRedriven')!.mapRunRedrivenEventDetails).toEqual({ mapRunArn: run.mapRunArn, redriveCount: 2 });
    expect(run.executions[1].executionArn).toBe(failed.mapRuns()[0].executions[1].executionArn);
    expect(run.itemCounts()).toMatchObject({ total: 3, succeeded: 3 });
  });

  it('Distributed Map: a Map Run redriven 1,000 times is not redriven again (AWS hard limit): the Map state fails with States.Runtime', async () => {
    const definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Work',
            States: { Work: { Type: 'Task', Resource: lambda, End: true } },
          },
          End: true,
        },
      },
    };
    const sfn = new Interpreter({ startTime: '2024-01-01T00:00:00Z' });
    const machine = sfn.createStateMachine(definition, { name: 'Limit' });
    const { calls, mock } = counter((key) => key === '2', (input) => input);
    const mocks = { Work: mock((input) => String(input)) };
    const input = { items: [1, 2] };
    const failed = machine.startExecution(input, { name: 'limit', mocks });
    expect(await failed.result).toMatchObject({ status: 'FAILED' });
    const plan = redriveOf(machine as never, failed);
    // The plan as it would be after 1,000 earlier redrives of this Map Run.
    const inner = JSON.stringify(plan).replace(/"kind":"mapRun","mapRunArn":"([^"]+)","redriveCount":1,/, '"kind":"mapRun","mapRunArn":"$1","redriveCount":1001,');
    expect(inner).toContain('"redriveCount":1001');
    const callsBefore = Object.fromEntries(calls);
    const again = machine.startExecution(input, { name: 'limit', mocks, redrive: JSON.parse(inner) });
    const result = await again.result;
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.status === 'FAILED' && result.cause).toContain('redriven 1000 times');
    expect(Object.fromEntries(calls)).toEqual(callsBefore);
    expect(again.history().some((e) => e.type === 'MapRunRedriven')).toBe(false);
  });
});
