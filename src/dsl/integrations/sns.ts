import { catalogueCall } from './service-action';

/** The request of Amazon SNS `Publish` (its API field names). */
export interface SnsPublishParams {
  TopicArn?: string;
  TargetArn?: string;
  PhoneNumber?: string;
  Message: unknown;
  Subject?: string;
  MessageStructure?: string;
  MessageAttributes?: Record<string, { DataType: string; StringValue?: string; BinaryValue?: string }>;
  MessageDeduplicationId?: string;
  MessageGroupId?: string;
}
/** What Amazon SNS `Publish` returns. */
export interface SnsPublishResult {
  MessageId: string;
  SequenceNumber?: string;
}
/** Error names Amazon SNS tasks raise (`SNS.*`), for `.retry`/`.catch`. */
export type SnsError = `SNS.${string}`;


/**
 * Amazon SNS: `sns.publish(...)` (request-response) and `sns.publish.waitForTaskToken(...)`.
 *
 * @example
 * .task('Notify', sns.publish(s => ({ TopicArn: topicArn, Message: s.order })))
 */
export const sns = Object.freeze({
  publish: catalogueCall('sns', 'publish')<SnsPublishParams, SnsPublishResult, SnsError>(),
});
