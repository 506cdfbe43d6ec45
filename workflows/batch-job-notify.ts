/**
 * AWS Batch with notifications (AWS sample "Manage a batch job"): submit a job, wait for it to
 * finish (`.sync`), and publish success or failure to an SNS topic.
 */
import { batch, chain, sns, workflow } from 'statecraft';

const TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:BatchJobNotifications';

const notifyFailure = chain<unknown>().task(
  'Notify Failure',
  sns.publish({ Message: 'Batch job submitted through Step Functions failed', TopicArn: TOPIC_ARN }),
);

export const batchJobNotify = workflow('BatchJobNotify', {
  comment: 'An example of the Amazon States Language for notification on an AWS Batch job completion',
  timeoutSeconds: 3600,
})
  .task(
    'Submit Batch Job',
    batch.submitJob.sync({
      JobName: 'BatchJobNotification',
      JobQueue: 'arn:aws:batch:us-east-1:123456789012:job-queue/BatchJobQueue',
      JobDefinition: 'arn:aws:batch:us-east-1:123456789012:job-definition/BatchJobDefinition:1',
    }),
  )
  .catch(['States.ALL'], notifyFailure)
  .task('Notify Success', sns.publish({ Message: 'Batch job submitted through Step Functions succeeded', TopicArn: TOPIC_ARN }));
