import { catalogueCall } from './service-action';

/** The request of Amazon SQS `SendMessage` (its API field names). */
export interface SqsSendMessageParams {
  QueueUrl: string;
  MessageBody: unknown;
  DelaySeconds?: number;
  MessageAttributes?: Record<string, { DataType: string; StringValue?: string; BinaryValue?: string }>;
  MessageDeduplicationId?: string;
  MessageGroupId?: string;
}
/** What Amazon SQS `SendMessage` returns. */
export interface SqsSendMessageResult {
  MessageId: string;
  MD5OfMessageBody: string;
  MD5OfMessageAttributes?: string;
  SequenceNumber?: string;
}
/** Error names Amazon SQS tasks raise (`SQS.*`), for `.retry`/`.catch`. */
export type SqsError = `SQS.${string}`;


/**
 * Amazon SQS: `sqs.sendMessage(...)` and `sqs.sendMessage.waitForTaskToken(...)`.
 *
 * @example
 * .task('Ask', sqs.sendMessage.waitForTaskToken((s, ctx) => ({ QueueUrl: url, MessageBody: { token: ctx.Task.Token, order: s.order } })))
 */
export const sqs = Object.freeze({
  sendMessage: catalogueCall('sqs', 'sendMessage')<SqsSendMessageParams, SqsSendMessageResult, SqsError>(),
});
