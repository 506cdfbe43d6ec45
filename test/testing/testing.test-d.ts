import { describe, expectTypeOf, it } from 'vitest';
import { awsSdk, chain, lambda, lambdaFunction, sns, workflow } from 'statecraft';
import type { Json } from 'statecraft/asl';
import { mocksFor, run, type TasksOf, type TestRun } from 'statecraft/testing';
import 'statecraft/testing/vitest';
import { expect } from 'vitest';
import { z } from 'zod';
import { orderFlow } from '../readme/order-flow';

describe('mocksFor', () => {
  it('accepts the Task states of the workflow, including those in choice targets', () => {
    mocksFor(orderFlow)({ Charge: () => ({ chargeId: 'ch_1' }), Review: () => ({ anything: 1 }) });
    expectTypeOf<keyof TasksOf<typeof orderFlow>>().toEqualTypeOf<'Charge' | 'Review'>();
  });

  it('rejects a state name the workflow does not have (a renamed state)', () => {
    // @ts-expect-error 'Charged' is not a Task state of orderFlow
    mocksFor(orderFlow)({ Charged: () => ({ chargeId: 'ch_1' }) });
    // @ts-expect-error 'Ship' is a Pass state, not a Task
    mocksFor(orderFlow)({ Ship: () => ({}) });
  });

  it("checks each mock's result against its task's result type", () => {
    // lambda.invoke: the function's payload (the interpreter wraps it in the Lambda response)
    mocksFor(orderFlow)({ Charge: () => ({ chargeId: 'ch_1' }) });
    // @ts-expect-error chargeId is a string
    mocksFor(orderFlow)({ Charge: () => ({ chargeId: 1 }) });
    // @ts-expect-error a field the function does not return
    mocksFor(orderFlow)({ Charge: () => ({ charge: 'ch_1' }) });
    mocksFor(orderFlow)({ Charge: async () => ({ chargeId: 'ch_1' }) });
  });

  it("types each mock's input as the request its task sends", () => {
    mocksFor(orderFlow)({
      // lambda.invoke: the Parameters are { FunctionName, Payload: the function's declared input }
      Charge: (input) => {
        expectTypeOf(input).toEqualTypeOf<{ FunctionName: string; Payload: { orderId: string; amount: number } }>();
        return { chargeId: input.Payload.orderId };
      },
      // sqs.sendMessage: Amazon SQS SendMessage's request parameters
      Review: (input) => {
        expectTypeOf(input.QueueUrl).toEqualTypeOf<string>();
        return {};
      },
    });
    mocksFor(orderFlow)({
      // @ts-expect-error the payload has no 'total' (the state input does; the function gets { orderId, amount })
      Charge: (input) => ({ chargeId: String(input.Payload.total) }),
    });
    mocksFor(orderFlow)({
      // @ts-expect-error amount is a number, not a string
      Charge: (input) => ({ chargeId: input.Payload.amount.toUpperCase() }),
    });
    const fn = lambdaFunction<{ id: string }, { ok: boolean }>()('arn:aws:lambda:us-east-1:123456789012:function:f');
    const untyped = workflow('Untyped', { input: z.object({ id: z.string() }) })
      .task('Call', lambda.call(fn, (s) => ({ id: s.id })))
      .task('Sdk', awsSdk('s3', 'listBuckets', {}))
      .succeed('Done');
    mocksFor(untyped)({
      // lambda.call: the function's input itself
      Call: (input) => {
        expectTypeOf(input).toEqualTypeOf<{ id: string }>();
        return { ok: input.id.length > 0 };
      },
      // an aws-sdk call's request is not typed by the DSL: plain JSON
      Sdk: (input) => {
        expectTypeOf(input).toEqualTypeOf<Json>();
        return {};
      },
    });
  });

  it('records tasks of Parallel branches, Map processors and catch targets', () => {
    const fn = lambdaFunction<{ id: string }, { ok: boolean }>()('arn:aws:lambda:us-east-1:123456789012:function:f');
    const onError = chain<unknown>().task('Alert', sns.publish({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:t', Message: 'failed' })).succeed('Alerted');
    const flow = workflow('Shapes', { input: z.object({ id: z.string(), items: z.array(z.object({ id: z.string() })) }) })
      .parallel('Both', [(b) => b.task('Left', lambda.call(fn, (s) => ({ id: s.id }))), (b) => b.task('Right', lambda.call(fn, (s) => ({ id: s.id })))], {
        resultPath: 'both',
      })
      .catch(['States.ALL'], onError)
      .map('Each', { items: (s) => s.items, processor: (item) => item.task('PerItem', lambda.call(fn, (s) => ({ id: s.id }))) }, { resultPath: 'each' })
      .succeed('Done');
    expectTypeOf<keyof TasksOf<typeof flow>>().toEqualTypeOf<'Left' | 'Right' | 'Alert' | 'PerItem'>();
    mocksFor(flow)({ Left: () => ({ ok: true }), PerItem: () => ({ ok: false }) });
    // @ts-expect-error lambda.call returns the function's output as is: ok is a boolean
    mocksFor(flow)({ Right: () => ({ ok: 'yes' }) });
  });
});

describe('run', () => {
  it('takes the workflow input type and returns its output type', async () => {
    const execution = await run(orderFlow, { order: { id: 'o-1', total: 5 } });
    expectTypeOf(execution).toMatchTypeOf<TestRun<unknown>>();
    // @ts-expect-error total is a number
    await run(orderFlow, { order: { id: 'o-1', total: '5' } });
    const typed = workflow('Typed', { input: z.object({ n: z.number() }) }).pass('Double', { output: ({ input }) => ({ doubled: input.n }) as never as { doubled: number } });
    void typed;
  });
});

describe('matchers', () => {
  it('are typed on expect(...)', async () => {
    const execution = await run(orderFlow, { order: { id: 'o-1', total: 5 } });
    expect(execution).toHaveSucceededWith({ any: 'thing' });
    expect(execution).toHaveFailedWith('PaymentDeclined');
    expect(execution).toHaveFailedWith('PaymentDeclined', 'card expired');
    expect(execution).toHaveVisited('Review');
    expect(execution).toHaveCalled('Charge', { times: 2 });
    expect(execution).toHaveCalled('Charge');
    // @ts-expect-error times is a number
    expect(execution).toHaveCalled('Charge', { times: '2' });
    // @ts-expect-error a state name is required
    expect(execution).toHaveVisited();
  });
});
