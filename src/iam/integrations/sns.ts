import { parseArn } from '../arn';
import type { IntegrationRule } from '../integration-rule';
import { payloadField } from '../payload-field';
import { ANY_RESOURCE } from '../permission-need';
import { resolveResources } from '../resolve-resource';

/**
 * `sns:publish`: scoped to `TopicArn`. A publish to a `TargetArn` (mobile endpoint) or a
 * `PhoneNumber` (SMS) is not a topic, so the statement needs `*` — AWS's template does the same.
 */
export const snsRule: IntegrationRule = {
  service: 'sns',
  permissions(input) {
    const direct = ['TargetArn', 'PhoneNumber']
      .map((key) => payloadField(input.payload, key))
      .find((field) => field.kind !== 'absent');
    if (direct) {
      input.warn({
        kind: 'dynamic-resource',
        field: direct.label,
        message: 'publishing to an endpoint or phone number (not a topic) needs sns:Publish on "*".',
      });
      return [{ sid: 'SnsPublish', actions: ['sns:Publish'], resources: [ANY_RESOURCE] }];
    }
    const resources = resolveResources(input, payloadField(input.payload, 'TopicArn'), {
      noun: 'topic ARN',
      toResources: (value) => {
        const arn = parseArn(value);
        return arn?.service === 'sns' ? [{ arn: value, label: arn.resource }] : undefined;
      },
    });
    return [{ sid: 'SnsPublish', actions: ['sns:Publish'], resources }];
  },
};
