import { describe, expect, it } from 'vitest';
import type { Json } from '../../src/asl/types';
import { Interpreter, syncJob, type JobRecord } from '../../src/interpreter';
import { loadExample } from './load-example';

const { definition, source } = loadExample('BatchJobNotify');
const START = Date.parse('2024-03-01T09:00:00Z');

function setUp(job: () => ReturnType<typeof syncJob>) {
  const sfn = new Interpreter({ startTime: START });
  const notices: string[] = [];
  const publish = (input: Json) => {
    notices.push((input as { Message: string }).Message);
    return { MessageId: `sns-${notices.length}` };
  };
  const execution = sfn.createStateMachine(definition, { name: 'BatchJobNotify' }).startExecution({}, {
    mocks: { 'Submit Batch Job': job, 'Notify Success': publish, 'Notify Failure': publish },
  });
  return { sfn, notices, execution };
}

describe(`BatchJobNotify end to end (${source})`, () => {
  it('the .sync job succeeds after its run time: the success notice goes out', async () => {
    const { notices, execution } = setUp(() => syncJob({ seconds: 1200, output: { JobId: 'job-1', JobName: 'BatchJobNotification', Status: 'SUCCEEDED' } }));
    expect(await execution.result).toEqual({ status: 'SUCCEEDED', output: { MessageId: 'sns-1' } });
    expect(notices).toEqual(['Batch job submitted through Step Functions succeeded']);
    const types = execution.history().map((e) => e.type);
    expect(types.slice(0, 7)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskStateExited']);
    const succeeded = execution.history().find((e) => e.type === 'TaskSucceeded')!;
    expect(succeeded.timestamp!.getTime() - START).toBe(1_200_000);
    expect(succeeded.taskSucceededEventDetails).toMatchObject({ resourceType: 'batch', resource: 'submitJob.sync' });
  });

  it('the job fails: the failure notice goes out', async () => {
    const { notices, execution } = setUp(() => syncJob({ seconds: 300, error: 'States.TaskFailed', cause: '{"Status":"FAILED","StatusReason":"Essential container exited"}' }));
    expect(await execution.result).toEqual({ status: 'SUCCEEDED', output: { MessageId: 'sns-1' } });
    expect(notices).toEqual(['Batch job submitted through Step Functions failed']);
  });

  it('the execution is stopped while the job runs: the job is cancelled', async () => {
    const cancelled: JobRecord[] = [];
    const { sfn, notices, execution } = setUp(() => syncJob({ seconds: 3000, output: {}, onCancel: (job) => cancelled.push(job) }));
    sfn.clock.setTimer(60_000, () => execution.stop('Operator.Cancelled', 'stopped from the console'));
    expect(await execution.result).toEqual({ status: 'ABORTED', error: 'Operator.Cancelled', cause: 'stopped from the console' });
    expect(notices).toEqual([]);
    expect(cancelled).toMatchObject([{ stateName: 'Submit Batch Job', status: 'CANCELLED', cancelReason: 'aborted', endedAt: START + 60_000 }]);
    expect(execution.history().map((e) => e.type).slice(-2)).toEqual(['TaskStateAborted', 'ExecutionAborted']);
    expect(sfn.jobs.list()).toMatchObject([{ status: 'CANCELLED' }]);
  });

  it('a job that outlives the 3600-second machine timeout is cancelled when the execution times out', async () => {
    const cancelled: JobRecord[] = [];
    const { execution } = setUp(() => syncJob({ seconds: 7200, onCancel: (job) => cancelled.push(job) }));
    expect(await execution.result).toEqual({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect(cancelled).toMatchObject([{ cancelReason: 'aborted', endedAt: START + 3_600_000 }]);
  });
});
