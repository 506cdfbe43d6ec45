import { requestResponse, waitForCallback } from './service-action';

export interface SqsSendMessageParams {
  QueueUrl: string;
  MessageBody: unknown;
  DelaySeconds?: number;
  MessageAttributes?: Record<string, { DataType: string; StringValue?: string; BinaryValue?: string }>;
  MessageDeduplicationId?: string;
  MessageGroupId?: string;
}
export interface SqsSendMessageResult {
  MessageId: string;
  MD5OfMessageBody: string;
  MD5OfMessageAttributes?: string;
  SequenceNumber?: string;
}
export type SqsError = `SQS.${string}`;

const sendMessage = { service: 'sqs', action: 'sendMessage', errors: [] as SqsError[] };

/**
 * Amazon SQS: `sqs.sendMessage(...)` and `sqs.sendMessage.waitForTaskToken(...)`.
 *
 * @example
 * .task('Ask', sqs.sendMessage.waitForTaskToken((s, ctx) => ({ QueueUrl: url, MessageBody: { token: ctx.Task.Token, order: s.order } })))
 */
export const sqs = Object.freeze({
  sendMessage: Object.assign(requestResponse<SqsSendMessageParams, SqsSendMessageResult, SqsError>(sendMessage), {
    waitForTaskToken: waitForCallback<SqsSendMessageParams, SqsError>(sendMessage),
  }),
});
