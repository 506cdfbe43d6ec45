import type { IntegrationRule } from '../integration-rule';
import { payloadField } from '../payload-field';
import { parseQueueUrl, queueArn } from '../queue-url';
import { resolveResources } from '../resolve-resource';

/** `sqs:sendMessage`: the queue ARN derived from `QueueUrl`. */
export const sqsRule: IntegrationRule = {
  service: 'sqs',
  permissions(input) {
    const resources = resolveResources(input, payloadField(input.payload, 'QueueUrl'), {
      noun: 'queue URL',
      toResources: (value) => {
        const queue = parseQueueUrl(value);
        return queue ? [{ arn: queueArn(queue), label: queue.name.replace(/\.fifo$/, '') }] : undefined;
      },
    });
    return [{ sid: 'SqsSendMessage', actions: ['sqs:SendMessage'], resources }];
  },
};
