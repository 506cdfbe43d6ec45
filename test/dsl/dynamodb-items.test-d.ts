/**
 * DynamoDB items typed end to end: `{ item: returns<T>() }` maps `T` to AttributeValues for the
 * request's `Key`/`Item` and for the result's `Item`/`Attributes`/`Items`.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { dynamodb, returns, States, workflow, type AttributeMap, type AttributeValueOf, type Chain, type Selector } from '../../src/dsl/index';

type Next<C> = C extends Chain<any, infer S, any, any, any, any> ? S : never;
interface Customer {
  id: string;
  tier: 'gold' | 'silver';
  visits: number;
  vip: boolean;
  tags: ReadonlySet<string>;
  address?: { city: string; zip: string | null };
  orders: { id: string; total: number }[];
}
const Input = z.object({ customerId: z.string(), city: z.string(), visits: z.number() });
const start = () => workflow('Customers', { input: Input });
const customer = { item: returns<Customer>() };

describe('AttributeValueOf', () => {
  it('maps each TypeScript type to its descriptor', () => {
    expectTypeOf<AttributeValueOf<string>>().toEqualTypeOf<{ S: string }>();
    expectTypeOf<AttributeValueOf<'gold' | 'silver'>>().toEqualTypeOf<{ S: 'gold' | 'silver' }>();
    expectTypeOf<AttributeValueOf<number>>().toEqualTypeOf<{ N: string }>();
    expectTypeOf<AttributeValueOf<boolean>>().toEqualTypeOf<{ BOOL: boolean }>();
    expectTypeOf<AttributeValueOf<string | null>>().toEqualTypeOf<{ S: string } | { NULL: true }>();
    expectTypeOf<AttributeValueOf<ReadonlySet<string>>>().toEqualTypeOf<{ SS: string[] }>();
    expectTypeOf<AttributeValueOf<ReadonlySet<number>>>().toEqualTypeOf<{ NS: string[] }>();
    expectTypeOf<AttributeValueOf<number[]>>().toEqualTypeOf<{ L: { N: string }[] }>();
    expectTypeOf<AttributeValueOf<{ a: number }>>().toEqualTypeOf<{ M: { a: { N: string } } }>();
    expectTypeOf<AttributeMap<Customer>['address']>().toEqualTypeOf<{ M: { city: { S: string }; zip: { S: string } | { NULL: true } } } | undefined>();
  });
});

describe('getItem', () => {
  it('types the result item from the declared item type', () => {
    const c = start().task('Load', dynamodb.getItem((s) => ({ TableName: 'Customers', Key: { id: { S: s.customerId } } }), customer), { resultPath: 'found' });
    expectTypeOf<NonNullable<Next<typeof c>['found']['Item']>['tier']>().toEqualTypeOf<{ S: 'gold' | 'silver' }>();
    start().task('Load', dynamodb.getItem((s) => ({ TableName: 'Customers', Key: { id: { S: s.customerId } } }), customer), {
      resultSelector: (r) => ({ tier: r.Item.tier.S, visits: r.Item.visits.N, city: r.Item.address.M.city.S, first: r.Item.orders.L[0].M.total.N }),
    });
  });

  it('rejects the wrong descriptor, an unknown attribute and a wrong key', () => {
    start().task('Load', dynamodb.getItem((s) => ({ TableName: 'Customers', Key: { id: { S: s.customerId } } }), customer), {
      // @ts-expect-error tier is a string: it has `S`, not `N`
      resultSelector: (r) => ({ tier: r.Item.tier.N }),
    });
    start().task('Load', dynamodb.getItem((s) => ({ TableName: 'Customers', Key: { id: { S: s.customerId } } }), customer), {
      // @ts-expect-error a Customer has no `teir`
      resultSelector: (r) => ({ tier: r.Item.teir.S }),
    });
    // @ts-expect-error the key `id` is a string (`S`), not a number
    start().task('Load', dynamodb.getItem((s) => ({ TableName: 'Customers', Key: { id: { N: s.customerId } } }), customer));
    // @ts-expect-error `customer` is not an attribute of a Customer
    start().task('Load', dynamodb.getItem((s) => ({ TableName: 'Customers', Key: { customer: { S: s.customerId } } }), customer));
  });

  it('without an item type, accepts any attribute and selects any descriptor', () => {
    start().task('Load', dynamodb.getItem((s) => ({ TableName: 'Customers', Key: { id: { S: s.customerId } } })), {
      resultSelector: (r) => {
        expectTypeOf(r.Item.tier.S).toEqualTypeOf<Selector<string | undefined>>();
        return { tier: r.Item.tier.S, visits: r.Item.visits.N };
      },
    });
    // @ts-expect-error `S` holds a string
    start().task('Load', dynamodb.getItem({ TableName: 'Customers', Key: { id: { S: 1 } } }));
  });

  it('takes the item type from a zod schema too', () => {
    const Account = z.object({ id: z.string(), balance: z.number() });
    start().task('Load', dynamodb.getItem((s) => ({ TableName: 'Accounts', Key: { id: { S: s.customerId } } }), { item: Account }), {
      resultSelector: (r) => ({ balance: r.Item.balance.N }),
    });
    start().task('Load', dynamodb.getItem((s) => ({ TableName: 'Accounts', Key: { id: { S: s.customerId } } }), { item: Account }), {
      // @ts-expect-error balance is a number: `N`
      resultSelector: (r) => ({ balance: r.Item.balance.S }),
    });
  });
});

describe('putItem, updateItem, deleteItem, query', () => {
  it('puts a whole item, values from typed paths', () => {
    start().task('Save', dynamodb.putItem((s) => ({
      TableName: 'Customers',
      Item: {
        id: { S: s.customerId },
        tier: { S: 'gold' },
        visits: { N: States.Format('{}', s.visits) },
        vip: { BOOL: false },
        tags: { SS: ['new'] },
        address: { M: { city: { S: s.city }, zip: { NULL: true } } },
        orders: { L: [] },
      },
    }), customer));
  });

  it('rejects a wrong or missing attribute in the item', () => {
    // @ts-expect-error `visits` is a number: `{ N: string }`
    start().task('Save', dynamodb.putItem((s) => ({
      TableName: 'Customers',
      Item: { id: { S: s.customerId }, tier: { S: 'gold' }, visits: { S: '1' }, vip: { BOOL: false }, tags: { SS: [] }, orders: { L: [] } },
    }), customer));
    // @ts-expect-error `platinum` is not a tier
    start().task('Save', dynamodb.putItem((s) => ({
      TableName: 'Customers',
      Item: { id: { S: s.customerId }, tier: { S: 'platinum' }, visits: { N: '1' }, vip: { BOOL: false }, tags: { SS: [] }, orders: { L: [] } },
    }), customer));
    // @ts-expect-error `vip` is missing
    start().task('Save', dynamodb.putItem((s) => ({
      TableName: 'Customers',
      Item: { id: { S: s.customerId }, tier: { S: 'gold' }, visits: { N: '1' }, tags: { SS: [] }, orders: { L: [] } },
    }), customer));
  });

  it('types returned attributes and queried items', () => {
    const old = start().task('Save', dynamodb.putItem((s) => ({ TableName: 'Customers', Item: { id: { S: s.customerId } } })), { resultSelector: (r) => ({ before: r.Attributes }) });
    void old;
    const updated = start().task('Visit', dynamodb.updateItem((s) => ({ TableName: 'Customers', Key: { id: { S: s.customerId } }, UpdateExpression: 'ADD visits :one', ExpressionAttributeValues: { ':one': { N: '1' } }, ReturnValues: 'UPDATED_NEW' }), customer));
    expectTypeOf<NonNullable<NonNullable<Next<typeof updated>['Attributes']>['visits']>>().toEqualTypeOf<{ N: string }>();
    const found = start().task('Find', dynamodb.query({ TableName: 'Customers', KeyConditionExpression: 'id = :id', ExpressionAttributeValues: { ':id': { S: 'c-1' } } }, customer));
    expectTypeOf<Next<typeof found>['Items'][number]['tier']>().toEqualTypeOf<{ S: 'gold' | 'silver' }>();
    start().task('Find', dynamodb.query({ TableName: 'Customers', KeyConditionExpression: 'id = :id' }, customer), {
      // @ts-expect-error tier is a string
      resultSelector: (r) => ({ tier: r.Items[0].tier.N }),
    });
    start().task('Drop', dynamodb.deleteItem((s) => ({ TableName: 'Customers', Key: { id: { S: s.customerId } }, ReturnValues: 'ALL_OLD' }), customer), {
      resultSelector: (r) => ({ tier: r.Attributes.tier.S }),
    });
  });
});
