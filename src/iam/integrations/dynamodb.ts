import { parseArn } from '../arn';
import type { IntegrationRule } from '../integration-rule';
import { payloadField } from '../payload-field';
import { resolveResources } from '../resolve-resource';

const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

/** The optimized DynamoDB item APIs; each maps to the IAM action of the same name. */
const ITEM_ACTIONS: Record<string, string> = {
  getItem: 'GetItem',
  putItem: 'PutItem',
  updateItem: 'UpdateItem',
  deleteItem: 'DeleteItem',
};

/** `dynamodb:<item API>`: on the table named by `TableName` (a name or a table ARN). */
export const dynamodbRule: IntegrationRule = {
  service: 'dynamodb',
  apis: Object.fromEntries(Object.keys(ITEM_ACTIONS).map((api) => [api, ['request-response'] as const])),
  permissions(input) {
    const action = ITEM_ACTIONS[input.api];
    const resources = resolveResources(input, payloadField(input.payload, 'TableName'), {
      noun: 'table',
      toResources: (value) => {
        const arn = parseArn(value);
        if (arn) return arn.service === 'dynamodb' ? [{ arn: value, label: arn.resource.replace(/^table\//, '') }] : undefined;
        return TABLE_NAME.test(value) ? [{ arn: input.arns.arn('dynamodb', `table/${value}`), label: value }] : undefined;
      },
    });
    return [{ sid: `DynamoDb${action}`, actions: [`dynamodb:${action}`], resources }];
  },
};
