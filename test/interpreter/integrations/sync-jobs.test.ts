import { describe, expect, it } from 'vitest';
import { neverAnswers, syncJob, taskFailure, type JobRecord } from '../../../src/interpreter';
import { eventTypes, newInterpreter, secondsAt } from './support';

const BATCH_SYNC = 'arn:aws:states:::batch:submitJob.sync';

function jobMachine(extra: Record<string, unknown> = {}) {
  return { StartAt: 'Job', States: { Job: { Type: 'Task', Resource: BATCH_SYNC, Parameters: { JobName: 'j' }, ...extra, End: true } } };
}

describe('request-response and .sync', () => {
  it('request-response: the mocked call answers and the state goes on', async () => {
    const sfn = newInterpreter();
    const definition = {
      StartAt: 'Publish',
      States: {
        Publish: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { Message: 'hi' }, ResultPath: '$.sns', Next: 'Done' },
        Done: { Type: 'Pass', End: true },
      },
    };
    const execution = sfn.createStateMachine(definition).startExecution({}, { mocks: { Publish: () => ({ MessageId: 'm-1' }) } });
    expect(await execution.result).toEqual({ status: 'SUCCEEDED', output: { sns: { MessageId: 'm-1' } } });
    expect(eventTypes(execution)).toEqual([
      'ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded',
    ]);
  });

  it('.sync: the job is submitted, runs for the mock’s virtual duration and ends with its result (TaskSubmitted then TaskSucceeded)', async () => {
    const sfn = newInterpreter();
    const execution = sfn.createStateMachine(jobMachine()).startExecution({}, {
      mocks: { Job: () => syncJob({ seconds: 900, output: { JobId: 'j-1', Status: 'SUCCEEDED' } }) },
    });
    expect(await execution.result).toEqual({ status: 'SUCCEEDED', output: { JobId: 'j-1', Status: 'SUCCEEDED' } });
    expect(eventTypes(execution)).toEqual([
      'ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded',
    ]);
    expect(secondsAt(execution, 'TaskSubmitted')).toBe(0);
    expect(secondsAt(execution, 'TaskSucceeded')).toBe(900);
    expect(sfn.jobs.list()).toMatchObject([{ status: 'SUCCEEDED', stateName: 'Job', resource: BATCH_SYNC, endedAt: sfn.clock.now() }]);
  });

  it('.sync: a plain mock value ends the job at once; a job failure fails the task (Retry/Catch apply)', async () => {
    const sfn = newInterpreter();
    const plain = await sfn.createStateMachine(jobMachine()).startExecution({}, { mocks: { Job: () => ({ done: 1 }) } }).result;
    expect(plain).toEqual({ status: 'SUCCEEDED', output: { done: 1 } });

    const machine = sfn.createStateMachine(jobMachine({ Retry: [{ ErrorEquals: ['Batch.Flaky'], MaxAttempts: 1, IntervalSeconds: 10 }] }));
    let calls = 0;
    const execution = machine.startExecution({}, {
      mocks: { Job: () => (++calls === 1 ? syncJob({ seconds: 60, error: 'Batch.Flaky', cause: 'node lost' }) : syncJob({ seconds: 30, error: 'States.TaskFailed', cause: 'exit 1' })) },
    });
    expect(await execution.result).toEqual({ status: 'FAILED', error: 'States.TaskFailed', cause: 'exit 1' });
    expect(secondsAt(execution, 'TaskFailed', 0)).toBe(60);
    expect(secondsAt(execution, 'TaskFailed', 1)).toBe(100);

    const thrown = await machine.startExecution({}, { mocks: { Job: () => { throw taskFailure('Batch.SubmitFailed', 'no queue'); } } }).result;
    expect(thrown).toEqual({ status: 'FAILED', error: 'Batch.SubmitFailed', cause: 'no queue' });
  });

  it('stopping the execution cancels the running job; the mock hears it and the registry records it', async () => {
    const sfn = newInterpreter();
    const cancelled: JobRecord[] = [];
    const execution = sfn.createStateMachine(jobMachine()).startExecution({}, {
      mocks: { Job: () => syncJob({ seconds: 3600, output: {}, onCancel: (job) => cancelled.push(job) }) },
    });
    sfn.clock.setTimer(600_000, () => execution.stop('Operator.Stop', 'no longer needed'));
    expect(await execution.result).toEqual({ status: 'ABORTED', error: 'Operator.Stop', cause: 'no longer needed' });
    expect(eventTypes(execution).slice(-2)).toEqual(['TaskStateAborted', 'ExecutionAborted']);
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]).toMatchObject({ status: 'CANCELLED', cancelReason: 'aborted', stateName: 'Job' });
    expect(sfn.jobs.list({ status: 'CANCELLED' })).toMatchObject([{ endedAt: sfn.clock.now(), executionArn: execution.executionArn }]);
    expect(secondsAt(execution, 'ExecutionAborted')).toBe(600);
  });

  it('a task timeout cancels the job (including one that never ends by itself)', async () => {
    const sfn = newInterpreter();
    const cancelled: JobRecord[] = [];
    const execution = sfn.createStateMachine(jobMachine({ TimeoutSeconds: 120 })).startExecution({}, {
      mocks: { Job: () => syncJob({ seconds: 3600, onCancel: (job) => cancelled.push(job) }) },
    });
    expect(await execution.result).toEqual({ status: 'FAILED', error: 'States.Timeout', cause: '' });
    expect(cancelled).toMatchObject([{ cancelReason: 'timed-out' }]);

    const forever = sfn.createStateMachine(jobMachine({ TimeoutSeconds: 5 })).startExecution({}, { mocks: { Job: () => neverAnswers() } });
    expect(await forever.result).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(sfn.jobs.list({ executionArn: forever.executionArn })).toMatchObject([{ status: 'CANCELLED', cancelReason: 'timed-out' }]);
  });

  it('a failing Parallel branch cancels the job of its sibling', async () => {
    const sfn = newInterpreter();
    const cancelled: string[] = [];
    const definition = {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          End: true,
          Branches: [
            { StartAt: 'Job', States: { Job: { Type: 'Task', Resource: BATCH_SYNC, End: true } } },
            { StartAt: 'Later', States: { Later: { Type: 'Wait', Seconds: 30, Next: 'Boom' }, Boom: { Type: 'Fail', Error: 'Boom' } } },
          ],
        },
      },
    };
    const execution = sfn.createStateMachine(definition).startExecution({}, {
      mocks: { Job: () => syncJob({ seconds: 600, onCancel: (job) => cancelled.push(job.stateName) }) },
    });
    expect(await execution.result).toMatchObject({ status: 'FAILED', error: 'Boom' });
    expect(cancelled).toEqual(['Job']);
    expect(eventTypes(execution)).toContain('TaskStateAborted');
  });

  it('a failing Map iteration cancels the jobs of the other iterations', async () => {
    const sfn = newInterpreter();
    const definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          End: true,
          ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Job', States: { Job: { Type: 'Task', Resource: BATCH_SYNC, End: true } } },
        },
      },
    };
    const execution = sfn.createStateMachine(definition).startExecution([1, 2, 3], {
      mocks: { Job: (input) => (input === 2 ? syncJob({ seconds: 10, error: 'Job.Failed' }) : syncJob({ seconds: 1000, output: input })) },
    });
    expect(await execution.result).toMatchObject({ status: 'FAILED', error: 'Job.Failed' });
    const jobs = sfn.jobs.list();
    expect(jobs.map((j) => j.status).sort()).toEqual(['CANCELLED', 'CANCELLED', 'FAILED']);
    expect(jobs.filter((j) => j.status === 'CANCELLED').every((j) => j.endedAt === jobs.find((f) => f.status === 'FAILED')!.endedAt)).toBe(true);
  });
});
