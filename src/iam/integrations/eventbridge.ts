import { parseArn } from '../arn';
import type { IntegrationRule, RuleInput } from '../integration-rule';
import { payloadElements, payloadField, type PayloadField } from '../payload-field';
import type { ResourceRef } from '../permission-need';
import { resolveResources } from '../resolve-resource';

const BUS_NAME = /^[A-Za-z0-9._\-/]+$/;

/** `events:putEvents`: `events:PutEvents` on each entry's bus (the default bus when none is named). */
export const eventBridgeRule: IntegrationRule = {
  service: 'events',
  permissions(input) {
    const entries = payloadField(input.payload, 'Entries');
    const elements = payloadElements(entries);
    const resources = elements ? elements.flatMap((entry) => entryBus(input, entry)) : resolveResources(input, entries, busSpec(input));
    return [{ sid: 'EventsPutEvents', actions: ['events:PutEvents'], resources }];
  },
};

function entryBus(input: RuleInput, entry: PayloadField): ResourceRef[] {
  return resolveResources(input, payloadField(entry, 'EventBusName'), {
    ...busSpec(input),
    whenAbsent: () => [{ arn: input.arns.arn('events', 'event-bus/default'), label: 'DefaultBus' }],
  });
}

function busSpec(input: RuleInput) {
  return {
    noun: 'event bus',
    fallback: { arn: `arn:${input.arns.partition}:events:*:*:event-bus/*` },
    toResources: (value: string): ResourceRef[] | undefined => {
      const arn = parseArn(value);
      if (arn) return arn.service === 'events' ? [{ arn: value, label: arn.resource.replace(/^event-bus\//, '') }] : undefined;
      return BUS_NAME.test(value) ? [{ arn: input.arns.arn('events', `event-bus/${value}`), label: value }] : undefined;
    },
  };
}
