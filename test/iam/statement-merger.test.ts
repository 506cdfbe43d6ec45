/** Merging, ordering and naming of statements. */
import { describe, expect, it } from 'vitest';
import type { State, StateMachineDefinition } from '../../src/asl/types';
import { mergeStatements } from '../../src/iam/statement-merger';
import { pascalCase, statementSid } from '../../src/iam/statement-name';
import { ACCOUNT, REGION, derive } from './iam-test-support';

const fn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
const queue = (name: string) => `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${name}`;

function machine(states: Record<string, State>): StateMachineDefinition {
  const names = Object.keys(states);
  const chained = Object.fromEntries(
    names.map((name, index) => [name, { ...states[name], ...(index < names.length - 1 ? { Next: names[index + 1] } : { End: true }) } as State]),
  );
  return { StartAt: names[0], States: chained };
}

const STATES: Record<string, State> = {
  Charge: { Type: 'Task', Resource: fn('charge-function') },
  Refund: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: fn('refund-function') } },
  ChargeAgain: { Type: 'Task', Resource: fn('charge-function') },
  Approve: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { QueueUrl: queue('approval-queue'), MessageBody: 'x' } },
  Audit: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl: queue('audit-queue'), MessageBody: 'x' } },
  Save: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 'Orders', Item: {} } },
  Load: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:getItem', Parameters: { TableName: 'Orders', Key: {} } },
};

describe('merging', () => {
  it('same actions and effect merge into one statement over all resources, listing every state', () => {
    const report = derive(machine(STATES));
    expect(report.policy.Statement.map((statement) => [statement.Sid, statement.Action, statement.Resource])).toEqual([
      ['DynamoDbGetItemOrders', ['dynamodb:GetItem'], [`arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/Orders`]],
      ['DynamoDbPutItemOrders', ['dynamodb:PutItem'], [`arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/Orders`]],
      [
        'LambdaInvokeChargeFunctionRefundFunction',
        ['lambda:InvokeFunction'],
        [fn('charge-function'), `${fn('charge-function')}:*`, fn('refund-function'), `${fn('refund-function')}:*`],
      ],
      [
        'SqsSendMessageApprovalQueueAuditQueue',
        ['sqs:SendMessage'],
        [`arn:aws:sqs:${REGION}:${ACCOUNT}:approval-queue`, `arn:aws:sqs:${REGION}:${ACCOUNT}:audit-queue`],
      ],
    ]);
    expect(report.statements).toEqual([
      { sid: 'DynamoDbGetItemOrders', states: ['Load'] },
      { sid: 'DynamoDbPutItemOrders', states: ['Save'] },
      { sid: 'LambdaInvokeChargeFunctionRefundFunction', states: ['Charge', 'Refund', 'ChargeAgain'] },
      { sid: 'SqsSendMessageApprovalQueueAuditQueue', states: ['Approve', 'Audit'] },
    ]);
  });

  it('the policy does not depend on the order of the states', () => {
    const forward = derive(machine(STATES)).policy;
    const reversed = derive(machine(Object.fromEntries(Object.entries(STATES).reverse()))).policy;
    expect(reversed).toEqual(forward);
  });

  it('"*" absorbs the scoped resources of the same statement', () => {
    const report = derive(
      machine({
        A: { Type: 'Task', Resource: fn('a-fn') },
        B: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'FunctionName.$': '$.fn' } },
      }),
    );
    expect(report.policy.Statement).toEqual([{ Sid: 'LambdaInvoke', Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: ['*'] }]);
    expect(report.statements).toEqual([{ sid: 'LambdaInvoke', states: ['A', 'B'] }]);
  });

  it('different conditions stay separate statements with unique Sids', () => {
    const { statements } = mergeStatements([
      { need: { sid: 'HttpInvokeEndpoint', actions: ['states:InvokeHTTPEndpoint'], resources: [{ arn: '*' }], condition: { StringEquals: { 'states:HTTPMethod': 'GET' } } }, state: 'A' },
      { need: { sid: 'HttpInvokeEndpoint', actions: ['states:InvokeHTTPEndpoint'], resources: [{ arn: '*' }], condition: { StringEquals: { 'states:HTTPMethod': 'POST' } } }, state: 'B' },
      { need: { sid: 'HttpInvokeEndpoint', actions: ['states:InvokeHTTPEndpoint'], resources: [{ arn: '*' }], condition: { StringEquals: { 'states:HTTPMethod': 'GET' } } }, state: 'C' },
    ]);
    expect(statements.map((statement) => statement.Sid)).toEqual(['HttpInvokeEndpoint', 'HttpInvokeEndpoint2']);
    expect(statements[0].Condition).toEqual({ StringEquals: { 'states:HTTPMethod': 'GET' } });
  });

  it('actions inside a statement are sorted and deduplicated', () => {
    const { statements } = mergeStatements([
      { need: { sid: 'X', actions: ['s3:PutObject', 's3:GetObject', 's3:PutObject'], resources: [{ arn: 'arn:aws:s3:::b/*' }] }, state: 'A' },
    ]);
    expect(statements[0].Action).toEqual(['s3:GetObject', 's3:PutObject']);
  });
});

describe('statement names', () => {
  it('are PascalCase alphanumerics from the base and the resource names', () => {
    expect(pascalCase('charge-function')).toBe('ChargeFunction');
    expect(pascalCase('api.stripe.com')).toBe('ApiStripeCom');
    expect(statementSid('LambdaInvoke', ['charge-function'])).toBe('LambdaInvokeChargeFunction');
    expect(statementSid('SqsSendMessage', ['approval-queue'])).toBe('SqsSendMessageApprovalQueue');
  });

  it('shorten long lists of resources', () => {
    expect(statementSid('LambdaInvoke', ['a', 'b', 'c', 'd', 'e'])).toBe('LambdaInvokeABAnd3More');
  });
});
