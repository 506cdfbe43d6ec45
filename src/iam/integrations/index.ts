import type { IntegrationRule } from '../integration-rule';
import { apiGatewayRule } from './api-gateway';
import { batchRule } from './batch';
import { bedrockRule } from './bedrock';
import { dynamodbRule } from './dynamodb';
import { ecsRule } from './ecs';
import { eventBridgeRule } from './eventbridge';
import { glueRule } from './glue';
import { httpRule } from './http';
import { lambdaRule } from './lambda';
import { snsRule } from './sns';
import { sqsRule } from './sqs';
import { stepFunctionsRule } from './step-functions';

/** The optimized integrations this pass knows, by the service segment of their resource ARN. */
export const INTEGRATION_RULES: ReadonlyMap<string, IntegrationRule> = new Map(
  [
    lambdaRule,
    snsRule,
    sqsRule,
    dynamodbRule,
    batchRule,
    ecsRule,
    glueRule,
    stepFunctionsRule,
    eventBridgeRule,
    httpRule,
    apiGatewayRule,
    bedrockRule,
  ].map(
    (rule) => [rule.service, rule],
  ),
);

export { awsSdkPermissions } from './aws-sdk';
export { lambdaFunctionResources, LAMBDA_INVOKE_SID } from './lambda';
