/**
 * The callback pattern (AWS sample "Callback pattern example"): send a message carrying the task
 * token to an SQS queue and wait until a worker calls SendTaskSuccess/SendTaskFailure with it
 * (or stops sending heartbeats for 10 minutes), then publish the outcome to SNS.
 */
import { chain, sns, sqs, workflow } from 'statecraft';

const TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:CallbackNotifications';

const notifyFailure = chain<unknown>().task(
  'Notify Failure',
  sns.publish({ Message: 'Task started by Step Functions failed.', TopicArn: TOPIC_ARN }),
);

export const callbackExample = workflow('CallbackExample', {
  comment: 'An example of the Amazon States Language for starting a task and waiting for a callback.',
})
  .task(
    'Start Task And Wait For Callback',
    sqs.sendMessage.waitForTaskToken((_s, ctx) => ({
      QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/CallbackQueue',
      MessageBody: {
        Message: 'Task started by Step Functions. Waiting for callback with task token.',
        TaskToken: ctx.Task.Token,
      },
    })),
    { heartbeatSeconds: 600 },
  )
  .catch(['States.ALL'], notifyFailure)
  .task(
    'Notify Success',
    sns.publish({ Message: 'Callback received. Task started by Step Functions succeeded.', TopicArn: TOPIC_ARN }),
  );
