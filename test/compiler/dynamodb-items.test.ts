import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dynamodb, returns, workflow } from '../../src/dsl/index';
import { stateOf } from './compile-helpers';

interface Customer {
  id: string;
  tier: 'gold' | 'silver';
  visits: number;
}
const Input = z.object({ customerId: z.string() });

describe('DynamoDB items', () => {
  it('a declared item type changes the types only, not the definition', () => {
    const typed = stateOf(
      workflow('Typed', { input: Input }).task('Load', dynamodb.getItem((s) => ({ TableName: 'Customers', Key: { id: { S: s.customerId } } }), { item: returns<Customer>() }), {
        resultSelector: (r) => ({ tier: r.Item.tier.S }),
      }),
    );
    const untyped = stateOf(
      workflow('Untyped', { input: Input }).task('Load', dynamodb.getItem((s) => ({ TableName: 'Customers', Key: { id: { S: s.customerId } } })), {
        resultSelector: (r) => ({ tier: r.Item.tier.S }),
      }),
    );
    expect(typed).toEqual(untyped);
    expect(typed).toMatchObject({
      Resource: 'arn:aws:states:::dynamodb:getItem',
      Parameters: { TableName: 'Customers', Key: { id: { 'S.$': '$.customerId' } } },
      ResultSelector: { 'tier.$': '$.Item.tier.S' },
    });
  });

  it('query runs through the AWS SDK integration (DynamoDB has no optimized Query)', () => {
    const state = stateOf(
      workflow('Query', { input: Input }).task(
        'Find',
        dynamodb.query((s) => ({ TableName: 'Customers', KeyConditionExpression: 'id = :id', ExpressionAttributeValues: { ':id': { S: s.customerId } } }), { item: returns<Customer>() }),
        { resultSelector: (r) => ({ first: r.Items[0].tier.S, count: r.Count }) },
      ),
    );
    expect(state).toMatchObject({
      Resource: 'arn:aws:states:::aws-sdk:dynamodb:query',
      Parameters: { TableName: 'Customers', KeyConditionExpression: 'id = :id', ExpressionAttributeValues: { ':id': { 'S.$': '$.customerId' } } },
      ResultSelector: { 'first.$': '$.Items[0].tier.S', 'count.$': '$.Count' },
    });
  });
});
