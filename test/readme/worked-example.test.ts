import { expect, it } from 'vitest';
import { z } from 'zod';
import { chain, compileWorkflow, fail, gt, Interpreter, lambda, lambdaFunction, sqs, taskFailure, workflow } from 'statecraft';

// The README's worked example (steps 1 and 4), imported through the package name as a user would.
const Order = z.object({ order: z.object({ id: z.string(), total: z.number() }) });
type OrderState = z.output<typeof Order>;

const charge = lambdaFunction<{ orderId: string; amount: number }, { chargeId: string }>()(
  'arn:aws:lambda:eu-west-1:123456789012:function:charge',
  { errors: ['PaymentDeclined'] },
);
const ship = chain<OrderState>().pass('Ship').succeed('Shipped');
const review = chain<OrderState>()
  .task('Review', sqs.sendMessage.waitForTaskToken((s, ctx) => ({
    QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/reviews',
    MessageBody: { token: ctx.Task.Token, order: s.order },
  })), { resultPath: null })
  .next(ship);

const orderFlow = workflow('OrderFlow', { input: Order })
  .task('Charge', lambda.invoke(charge, (s) => ({ orderId: s.order.id, amount: s.order.total })), { resultPath: 'charge' })
  .retry(['Lambda.ServiceException'], { maxAttempts: 6, backoffRate: 2, jitter: 'FULL' })
  .catch(['PaymentDeclined'], fail('Declined', { error: 'PaymentDeclined' }))
  .choice('Big order?', (c) => c.when((s) => gt(s.order.total, 1000), review).otherwise(ship));

function setUp() {
  const sfn = new Interpreter({ startTime: '2024-01-01T00:00:00Z', seed: 42 });
  const machine = sfn.createStateMachine(compileWorkflow(orderFlow).definition, { name: 'OrderFlow' });
  return { sfn, machine };
}

it('a declined payment ends in the Fail state', async () => {
  const { machine } = setUp();
  const declined = machine.startExecution({ order: { id: 'o-1', total: 50 } }, {
    mocks: { Charge: () => { throw taskFailure('PaymentDeclined', 'card expired'); } },
  });
  expect(await declined.result).toEqual({ status: 'FAILED', error: 'PaymentDeclined' });
});

it('a big order waits for the reviewer, then ships with the charge merged into the input', async () => {
  const { sfn, machine } = setUp();
  const big = machine.startExecution({ order: { id: 'o-2', total: 5000 } }, {
    mocks: { Charge: () => ({ chargeId: 'ch_1' }) },
  });
  const { taskToken } = await sfn.callbacks.nextPending({ stateName: 'Review' });
  sfn.sendTaskSuccess(taskToken, JSON.stringify({ approved: true }));
  const result = await big.result;
  expect(result.status).toBe('SUCCEEDED');
  expect(result.output).toMatchObject({ order: { id: 'o-2', total: 5000 }, charge: { Payload: { chargeId: 'ch_1' }, StatusCode: 200 } });
  expect(big.history().map((e) => e.type).slice(0, 4)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted']);
  expect(big.history().at(-1)!.type).toBe('ExecutionSucceeded');
});

it('a small order ships without review', async () => {
  const { machine } = setUp();
  const small = machine.startExecution({ order: { id: 'o-3', total: 20 } }, { mocks: { Charge: () => ({ chargeId: 'ch_2' }) } });
  const result = await small.result;
  expect(result.status).toBe('SUCCEEDED');
  expect(small.history().some((e) => e.stateEnteredEventDetails?.name === 'Review')).toBe(false);
});
