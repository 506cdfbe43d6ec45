import { requestResponse, waitForCallback } from './service-action';

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
export interface SnsPublishResult {
  MessageId: string;
  SequenceNumber?: string;
}
export type SnsError = `SNS.${string}`;

const publish = { service: 'sns', action: 'publish', errors: [] as SnsError[] };

/**
 * Amazon SNS: `sns.publish(...)` (request-response) and `sns.publish.waitForTaskToken(...)`.
 *
 * @example
 * .task('Notify', sns.publish(s => ({ TopicArn: topicArn, Message: s.order })))
 */
export const sns = Object.freeze({
  publish: Object.assign(requestResponse<SnsPublishParams, SnsPublishResult, SnsError>(publish), {
    waitForTaskToken: waitForCallback<SnsPublishParams, SnsError>(publish),
  }),
});
