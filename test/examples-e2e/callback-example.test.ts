import { describe, expect, it } from 'vitest';
import type { Json } from '../../src/asl/types';
import { Interpreter, neverAnswers } from '../../src/interpreter';
import { InMemoryQueue } from './in-memory-queue';
import { loadExample } from './load-example';

const { definition, source } = loadExample('CallbackExample');
const START = Date.parse('2024-03-01T09:00:00Z');

/** The interpreter, the queue behind the SQS send, and the SNS notices the workflow publishes. */
function setUp() {
  const sfn = new Interpreter({ startTime: START });
  const queue = new InMemoryQueue(sfn.clock);
  const notices: string[] = [];
  const publish = (input: Json) => {
    notices.push((input as { Message: string }).Message);
    return { MessageId: `sns-${notices.length}` };
  };
  const machine = sfn.createStateMachine(definition, { name: 'CallbackExample' });
  const start = () =>
    machine.startExecution({}, {
      mocks: {
        // The SQS send goes to the in-memory queue; the task then waits for its token.
        'Start Task And Wait For Callback': (input) => {
          queue.send(JSON.stringify((input as { MessageBody: Json }).MessageBody));
          return neverAnswers();
        },
        'Notify Success': publish,
        'Notify Failure': publish,
      },
    });
  return { sfn, queue, notices, start };
}

describe(`CallbackExample end to end (${source})`, () => {
  it('the queue consumer returns the task token with SendTaskSuccess; the workflow notifies success', async () => {
    const { sfn, queue, notices, start } = setUp();
    queue.onMessage((body) => {
      const { TaskToken } = JSON.parse(body) as { TaskToken: string };
      sfn.sendTaskSuccess(TaskToken, JSON.stringify('Callback task completed successfully.'));
    });
    const execution = start();
    expect(await execution.result).toEqual({ status: 'SUCCEEDED', output: { MessageId: 'sns-1' } });
    expect(notices).toEqual(['Callback received. Task started by Step Functions succeeded.']);
    expect(JSON.parse(queue.sent[0])).toMatchObject({ Message: 'Task started by Step Functions. Waiting for callback with task token.', TaskToken: expect.any(String) });
    const events = execution.history();
    const succeeded = events.find((e) => e.type === 'TaskSucceeded')!;
    expect(succeeded.taskSucceededEventDetails).toMatchObject({ output: '"Callback task completed successfully."', resourceType: 'sqs', resource: 'sendMessage.waitForTaskToken' });
    expect(succeeded.timestamp!.getTime() - START).toBe(1000);
    expect(events.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskStateExited',
      'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('the consumer sends a failure: the Catch path notifies failure', async () => {
    const { sfn, queue, notices, start } = setUp();
    queue.onMessage((body) => sfn.sendTaskFailure((JSON.parse(body) as { TaskToken: string }).TaskToken, 'Consumer.Failed', 'could not process the message'));
    const execution = start();
    expect(await execution.result).toEqual({ status: 'SUCCEEDED', output: { MessageId: 'sns-1' } });
    expect(notices).toEqual(['Task started by Step Functions failed.']);
    expect(execution.history().find((e) => e.type === 'TaskFailed')!.taskFailedEventDetails).toMatchObject({
      error: 'Consumer.Failed',
      cause: 'could not process the message',
    });
  });

  it('the consumer never answers: the 600-second heartbeat times the task out and the Catch path notifies failure', async () => {
    const { queue, notices, start } = setUp();
    queue.onMessage(() => {});
    const execution = start();
    expect(await execution.result).toEqual({ status: 'SUCCEEDED', output: { MessageId: 'sns-1' } });
    expect(notices).toEqual(['Task started by Step Functions failed.']);
    const timedOut = execution.history().find((e) => e.type === 'TaskTimedOut')!;
    expect(timedOut.timestamp!.getTime() - START).toBe(600_000);
    expect(timedOut.taskTimedOutEventDetails).toMatchObject({ error: 'States.Timeout' });
  });
});
