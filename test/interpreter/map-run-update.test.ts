import { describe, expect, it } from 'vitest';
import { Interpreter, StepFunctionsApiError } from '../../src/interpreter';

// Every child waits for a callback, so how many run at once is visible as open task tokens.
const definition = {
  StartAt: 'Each',
  States: {
    Each: {
      Type: 'Map',
      MaxConcurrency: 1,
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'Work',
        States: { Work: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { 'item.$': '$' }, End: true } },
      },
      End: true,
    },
  },
};

/** Lets the execution run until nothing more happens without an answer. */
const settle = () => new Promise((r) => setImmediate(r));

describe('MapRun.update (UpdateMapRun) changes a running Distributed Map', () => {
  it('a larger maxConcurrency starts more children at once; a tolerated failure count lets the run succeed', async () => {
    const sfn = new Interpreter({ clock: 'real' });
    const execution = sfn.createStateMachine(definition).startExecution([1, 2, 3, 4, 5]);
    await sfn.callbacks.nextPending();
    await settle();
    const [run] = execution.mapRuns();
    expect(sfn.callbacks.pending()).toHaveLength(1);

    run.update({ maxConcurrency: 3, toleratedFailureCount: 1 });
    await settle();
    expect(sfn.callbacks.pending()).toHaveLength(3);
    expect(run.itemCounts()).toMatchObject({ running: 3, pending: 2 });

    const [first] = sfn.callbacks.pending();
    sfn.sendTaskFailure(first.taskToken, 'Declined');
    for (let answered = 0; answered < 4; answered++) {
      await settle();
      const [next] = sfn.callbacks.pending();
      sfn.sendTaskSuccess(next.taskToken, '"ok"');
    }
    const result = await execution.result;
    expect(result.status).toBe('SUCCEEDED');
    expect(run.itemCounts()).toMatchObject({ failed: 1, succeeded: 4 });
  });

  it('without a tolerance update the first failure fails the run (the Map state says 0)', async () => {
    const sfn = new Interpreter({ clock: 'real' });
    const execution = sfn.createStateMachine(definition).startExecution([1, 2]);
    const task = await sfn.callbacks.nextPending();
    sfn.sendTaskFailure(task.taskToken, 'Declined');
    expect((await execution.result).error).toBe('States.ExceedToleratedFailureThreshold');
  });

  it('maxConcurrency 0 lifts the limit', async () => {
    const sfn = new Interpreter({ clock: 'real' });
    const execution = sfn.createStateMachine(definition).startExecution([1, 2, 3, 4]);
    await sfn.callbacks.nextPending();
    execution.mapRuns()[0].update({ maxConcurrency: 0 });
    await settle();
    expect(sfn.callbacks.pending()).toHaveLength(4);
    execution.stop();
  });
});

describe('UpdateMapRun is an answer from outside: snapshots keep it', () => {
  it('a resumed execution makes the same change at the same point: three children wait, one failure is tolerated', async () => {
    const sfn = new Interpreter({ clock: 'real' });
    const execution = sfn.createStateMachine(definition).startExecution([1, 2, 3, 4, 5]);
    await sfn.callbacks.nextPending();
    await settle();
    const [run] = execution.mapRuns();
    run.update({ maxConcurrency: 3, toleratedFailureCount: 1 });
    await settle();
    const saved = JSON.parse(JSON.stringify(execution.snapshot()));
    expect(saved.answers).toContainEqual(expect.objectContaining({ kind: 'mapRunUpdate', mapRunArn: run.mapRunArn, settings: { maxConcurrency: 3, toleratedFailureCount: 1 } }));
    execution.stop();

    const other = new Interpreter({ clock: 'real' });
    const resumed = await other.resumeExecution(saved);
    expect(JSON.parse(JSON.stringify(resumed.history()))).toEqual(saved.history);
    const [again] = resumed.mapRuns();
    expect(again.mapRunArn).toBe(run.mapRunArn);
    expect(again.updated).toEqual({ maxConcurrency: 3, toleratedFailureCount: 1 });
    expect(other.callbacks.pending()).toHaveLength(3);

    other.sendTaskFailure(other.callbacks.pending()[0].taskToken, 'Declined');
    for (let answered = 0; answered < 4; answered++) {
      await settle();
      other.sendTaskSuccess(other.callbacks.pending()[0].taskToken, '"ok"');
    }
    expect((await resumed.result).status).toBe('SUCCEEDED');
    expect(again.itemCounts()).toMatchObject({ failed: 1, succeeded: 4 });
  });

  it('a Map Run that has ended is not changed: ValidationException, as AWS updates only an in-progress Map Run', async () => {
    const sfn = new Interpreter({ clock: 'real' });
    const execution = sfn.createStateMachine(definition).startExecution([1]);
    sfn.sendTaskSuccess((await sfn.callbacks.nextPending()).taskToken, '"ok"');
    await execution.result;
    const [run] = execution.mapRuns();
    const refused = (() => {
      try {
        run.update({ maxConcurrency: 5 });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(StepFunctionsApiError);
    expect(refused).toMatchObject({ code: 'ValidationException', message: expect.stringContaining('has ended (SUCCEEDED)') });
    expect(run.updated).toEqual({});
    expect(execution.snapshot().answers.some((answer) => answer.kind === 'mapRunUpdate')).toBe(false);
  });
});
