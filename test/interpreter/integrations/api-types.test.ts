import { describe, expectTypeOf, it } from 'vitest';
import { Interpreter, neverAnswers, syncJob, type ActivityTask, type PendingTask, type TaskMock } from '../../../src/interpreter';

describe('integration API types', () => {
  it('mocks may return a result, neverAnswers() or (for .sync) syncJob()', () => {
    const asJob: TaskMock = () => syncJob({ seconds: 60, output: { ok: true } });
    const lost: TaskMock = () => neverAnswers();
    const plain: TaskMock = async () => ({ ok: true });
    expectTypeOf(asJob).toEqualTypeOf<TaskMock>();
    expectTypeOf(lost).toEqualTypeOf<TaskMock>();
    expectTypeOf(plain).toEqualTypeOf<TaskMock>();
    // @ts-expect-error a job's run time is a number of seconds
    const badSeconds = () => syncJob({ seconds: '60' });
    expectTypeOf(badSeconds).toBeFunction();
  });

  it('sendTaskSuccess takes JSON text, as the AWS API does', () => {
    const sfn = new Interpreter();
    expectTypeOf(sfn.sendTaskSuccess).parameters.toEqualTypeOf<[string, string]>();
    // @ts-expect-error pass JSON.stringify(value), not the value
    const wrong = () => sfn.sendTaskSuccess('token', { approved: true });
    expectTypeOf(wrong).toBeFunction();
    expectTypeOf(sfn.getActivityTask).returns.toEqualTypeOf<Promise<ActivityTask>>();
    expectTypeOf(sfn.callbacks.nextPending).returns.toEqualTypeOf<Promise<PendingTask>>();
  });
});
