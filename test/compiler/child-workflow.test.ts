import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DslUsageError, chain, stepFunctions, workflow } from '../../src/dsl/index';
import { compile } from './compile-helpers';

const Approval = z.object({ orderId: z.string() });
const approvalFlow = workflow('Approval', { input: Approval }).succeed('Done');
const ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:Approval';
const Order = z.object({ id: z.string() });

describe('a child workflow given to startExecution', () => {
  it('emits the same Task as the plain payload (the child only types it)', () => {
    const withChild = compile(workflow('P', { input: Order }).task('Approve', stepFunctions.startExecution.sync2(approvalFlow, (s) => ({ StateMachineArn: ARN, Input: { orderId: s.id } }))));
    const plain = compile(workflow('P', { input: Order }).task('Approve', stepFunctions.startExecution.sync2((s) => ({ StateMachineArn: ARN, Input: { orderId: s.id } }))));
    expect(withChild).toEqual(plain);
    expect(withChild.States.Approve).toMatchObject({ Resource: 'arn:aws:states:::states:startExecution.sync:2', Parameters: { StateMachineArn: ARN, Input: { 'orderId.$': '$.id' } } });
    const callback = compile(workflow('P', { input: Order }).task('Approve', stepFunctions.startExecution.waitForTaskToken(approvalFlow, (s, ctx) => ({ StateMachineArn: ARN, Input: { orderId: ctx.Task.Token } }))));
    expect(callback.States.Approve).toMatchObject({ Resource: 'arn:aws:states:::states:startExecution.waitForTaskToken', Parameters: { Input: { 'orderId.$': '$$.Task.Token' } } });
  });

  it('rejects a fragment in place of the child workflow', () => {
    // As a JavaScript caller would (the types already reject it, see child-workflows.test-d.ts).
    const untyped = stepFunctions.startExecution.sync2 as unknown as (...args: unknown[]) => unknown;
    expect(() => untyped(chain<unknown>().succeed('X'), { StateMachineArn: ARN, Input: {} })).toThrow(DslUsageError);
  });
});
