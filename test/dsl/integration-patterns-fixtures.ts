import { optimized } from '../../src/dsl/index';

export { batch, dynamodb, ecs, eventBridge, glue, http, optimized, sns, sqs, stepFunctions } from '../../src/dsl/index';
export const athenaQuery = optimized('athena', 'startQueryExecution');
