import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { chain, returns, stepFunctions, workflow, type Chain } from '../../src/dsl/index';

const Order = z.object({ order: z.object({ id: z.string(), total: z.number() }) });
const Approval = z.object({ orderId: z.string(), amount: z.number() });
const approvalFlow = workflow('Approval', { input: Approval }).pass('Decide', { parameters: (s) => ({ approved: true, orderId: s.orderId }) }).succeed('Done');
const ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:Approval';
const start = () => workflow('Parent', { input: Order });
type Next<C> = C extends Chain<any, infer S, any, any, any, any> ? S : never;

describe('child workflows type a nested execution', () => {
  it('types the result of .sync2 with the child’s output and input', () => {
    const c = start().task('Approve', stepFunctions.startExecution.sync2(approvalFlow, (s) => ({ StateMachineArn: ARN, Input: { orderId: s.order.id, amount: s.order.total } })));
    expectTypeOf<Next<typeof c>['Output']>().toEqualTypeOf<{ approved: boolean; orderId: string }>();
    expectTypeOf<Next<typeof c>['Input']>().toEqualTypeOf<{ orderId: string; amount: number }>();
    expectTypeOf<Next<typeof c>['Status']>().not.toBeAny();
  });

  it('checks the child’s input against its schema', () => {
    // @ts-expect-error amount must be a number
    start().task('Approve', stepFunctions.startExecution.sync2(approvalFlow, (s) => ({ StateMachineArn: ARN, Input: { orderId: s.order.id, amount: s.order.id } })));
    // @ts-expect-error amount is missing
    start().task('Approve', stepFunctions.startExecution.sync(approvalFlow, (s) => ({ StateMachineArn: ARN, Input: { orderId: s.order.id } })));
    // @ts-expect-error the child needs an Input
    start().task('Approve', stepFunctions.startExecution(approvalFlow, { StateMachineArn: ARN }));
    // @ts-expect-error a fragment is not a child workflow
    stepFunctions.startExecution.sync2(chain<{ a: 1 }>().succeed('X'), { StateMachineArn: ARN, Input: { a: 1 } });
  });

  it('accepts the execution-link field AWS recommends, and keeps .sync (JSON text), request-response and callback results', () => {
    const sync = start().task('Approve', stepFunctions.startExecution.sync(approvalFlow, (s, ctx) => ({
      StateMachineArn: ARN,
      Input: { orderId: s.order.id, amount: s.order.total, AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: ctx.Execution.Id },
    })));
    expectTypeOf<Next<typeof sync>['Output']>().toEqualTypeOf<string>();
    const fire = start().task('Start', stepFunctions.startExecution(approvalFlow, (s) => ({ StateMachineArn: ARN, Input: { orderId: s.order.id, amount: 1 } })));
    expectTypeOf<Next<typeof fire>['ExecutionArn']>().toEqualTypeOf<string>();
    const callback = start().task('Wait', stepFunctions.startExecution.waitForTaskToken(approvalFlow, (s, ctx) => ({ StateMachineArn: ARN, Input: { orderId: ctx.Task.Token, amount: s.order.total } }), { returns: returns<{ ok: boolean }>() }));
    expectTypeOf<Next<typeof callback>>().toEqualTypeOf<{ ok: boolean }>();
  });

  it('still takes a plain payload without a child', () => {
    const c = start().task('Child', stepFunctions.startExecution.sync2((s) => ({ StateMachineArn: ARN, Input: { anything: s.order.id } })));
    expectTypeOf<Next<typeof c>['Output']>().toEqualTypeOf<unknown>();
  });
});
