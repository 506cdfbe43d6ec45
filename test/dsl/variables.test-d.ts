import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { fail, gt, jsonata, lambda, lambdaFunction, numeric, variable, workflow, type Selector } from '../../src/dsl/index';

const Invoice = z.object({ id: z.string(), lines: z.array(z.object({ price: z.number(), name: z.string() })) });
const sum = lambdaFunction<{ id: string }, { total: number; currency: string }>()('arn:aws:lambda:us-east-1:123456789012:function:sum');
const total = variable<number>('total');
const currency = variable<string>('currency');
const flow = () => workflow('Invoice', { input: Invoice, variables: { total, currency } });

describe('declared variables type every assign', () => {
  it('accepts values of the declared types (m26, the valid side)', () => {
    flow()
      .task('Sum', lambda.invoke(sum, (s) => ({ id: s.id })), {
        assign: ({ result }) => ({ total: result.Payload.total, currency: result.Payload.currency }),
        resultPath: null,
      })
      .pass('Fixed', { assign: () => ({ total: 0 }) })
      .wait('W', { seconds: 1, assign: ({ input }) => ({ currency: input.id }) })
      .choice('Big?', (c) => c.when(() => numeric.gt(total, 1000), fail('Big'), { assign: () => ({ total: 1000 }) }).otherwise(fail('Small')));
    workflow('J', { input: Invoice, variables: { total }, queryLanguage: 'JSONata' }).pass('J', { assign: () => ({ total: jsonata<number>`1 + 1` }) });
  });

  it('rejects a value of another type (m26)', () => {
    // @ts-expect-error `currency` is a string, `total` a number
    flow().task('Sum', lambda.invoke(sum, (s) => ({ id: s.id })), { assign: ({ result }) => ({ total: result.Payload.currency }) });
    // @ts-expect-error a literal of the wrong type
    flow().pass('P', { assign: () => ({ total: 'ten' }) });
    // @ts-expect-error an undeclared name alone
    flow().pass('P', { assign: () => ({ totl: 1 }) });
  });

  it('types assign in choice rules, catchers, branches and processors too', () => {
    flow().choice('C', (c) =>
      // @ts-expect-error the rule assigns a string to total
      c.when(() => gt(total, 1), fail('F'), { assign: ({ input }) => ({ total: input.id }) }).otherwise(fail('G')),
    );
    flow()
      .task('Sum', lambda.invoke(sum, (s) => ({ id: s.id })))
      // @ts-expect-error the catcher assigns the error text to total
      .catch(['States.ALL'], fail('F'), { assign: ({ error }) => ({ total: error.Cause }) });
    flow().parallel('P', [
      // @ts-expect-error a branch assigns a string to total
      (b) => b.pass('In', { assign: ({ input }) => ({ total: input.id }) }),
    ]);
    flow().map('M', {
      items: (s) => s.lines,
      // @ts-expect-error a processor assigns a number to currency
      processor: (b) => b.pass('Line', { assign: ({ input }) => ({ currency: input.price }) }),
    });
  });

  it('leaves workflows without a declaration unchecked', () => {
    workflow('Free', { input: Invoice }).pass('P', { assign: ({ input }) => ({ anything: input.id, total: 'x' }) });
  });

  it('reads variables typed', () => {
    expectTypeOf(total).toEqualTypeOf<Selector<number>>();
  });
});
