import { parseArn } from '../arn';
import type { IntegrationRule } from '../integration-rule';
import { payloadField } from '../payload-field';
import { resolveResources } from '../resolve-resource';

const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

/** `dynamodb:<item API>`: on the table named by `TableName` (a name or a table ARN). */
export const dynamodbRule: IntegrationRule = {
  service: 'dynamodb',
  permissions(input) {
    // The item APIs and their IAM actions (getItem → dynamodb:GetItem) come from the catalogue.
    const actions = [...input.spec.iam.actions];
    const sid = actions.map((action) => `DynamoDb${action.slice(action.indexOf(':') + 1)}`).join('');
    const resources = resolveResources(input, payloadField(input.payload, 'TableName'), {
      noun: 'table',
      toResources: (value) => {
        const arn = parseArn(value);
        if (arn) return arn.service === 'dynamodb' ? [{ arn: value, label: arn.resource.replace(/^table\//, '') }] : undefined;
        return TABLE_NAME.test(value) ? [{ arn: input.arns.arn('dynamodb', `table/${value}`), label: value }] : undefined;
      },
    });
    return [{ sid, actions, resources }];
  },
};
