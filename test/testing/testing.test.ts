import { describe, expect, it } from 'vitest';
import { mocksFor, run, taskCalls, taskFailure, visitedStates, neverAnswers } from 'statecraft/testing';
import 'statecraft/testing/vitest';
import { orderFlow } from '../readme/order-flow';

// The README's order flow, run through statecraft/testing as a user's test suite would.

describe('run(workflow, input, { mocks })', () => {
  it('runs a small order to success with typed mocks', async () => {
    const mocks = mocksFor(orderFlow)({ Charge: () => ({ chargeId: 'ch_1' }) });
    const execution = await run(orderFlow, { order: { id: 'o-1', total: 50 } }, { mocks });
    expect(execution.status).toBe('SUCCEEDED');
    expect(execution).toHaveSucceededWith({
      order: { id: 'o-1', total: 50 },
      charge: expect.objectContaining({ Payload: { chargeId: 'ch_1' }, StatusCode: 200 }),
    });
    expect(execution).toHaveVisited('Ship');
    expect(execution).not.toHaveVisited('Review');
    expect(execution).toHaveCalled('Charge', { times: 1 });
    expect(visitedStates(execution)).toEqual(['Charge', 'Big order?', 'Ship', 'Shipped']);
  });

  it("gives each mock its task's request, the input its type says it receives", async () => {
    const seen: unknown[] = [];
    const mocks = mocksFor(orderFlow)({
      Charge: (input) => {
        seen.push(input);
        return { chargeId: `ch_${input.Payload.orderId}_${input.Payload.amount}` };
      },
      Review: (input) => {
        seen.push(input);
        return { reviewed: input.QueueUrl.endsWith('/reviews') };
      },
    });
    const execution = await run(orderFlow, { order: { id: 'o-9', total: 5000 } }, { mocks });
    expect(execution.status).toBe('SUCCEEDED');
    expect(seen[0]).toEqual({ FunctionName: 'arn:aws:lambda:eu-west-1:123456789012:function:charge', Payload: { orderId: 'o-9', amount: 5000 } });
    expect(seen[1]).toMatchObject({ QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/reviews', MessageBody: { order: { id: 'o-9', total: 5000 } } });
    expect(execution).toHaveSucceededWith(expect.objectContaining({ charge: expect.objectContaining({ Payload: { chargeId: 'ch_o-9_5000' } }) }));
  });

  it('counts retries as calls and reports the failure by its error name', async () => {
    let calls = 0;
    const mocks = mocksFor(orderFlow)({
      Charge: () => {
        calls++;
        if (calls === 1) throw taskFailure('Lambda.ServiceException', 'try again');
        throw taskFailure('PaymentDeclined', 'card expired');
      },
    });
    const execution = await run(orderFlow, { order: { id: 'o-2', total: 50 } }, { mocks });
    expect(execution).toHaveCalled('Charge', { times: 2 });
    expect(taskCalls(execution).get('Charge')).toBe(2);
    expect(execution).toHaveFailedWith('PaymentDeclined');
    // The catcher goes to the Fail state 'Declined', which ends with its own error and no cause.
    expect(execution).not.toHaveFailedWith('PaymentDeclined', 'card expired');
    expect(execution).not.toHaveFailedWith('States.TaskFailed');
    expect(execution).toHaveVisited('Declined');
  });

  it('mocks tasks inside choice targets (Review) by state name', async () => {
    const mocks = mocksFor(orderFlow)({ Charge: () => ({ chargeId: 'ch_2' }), Review: () => ({ approved: true }) });
    const execution = await run(orderFlow, { order: { id: 'o-3', total: 5000 } }, { mocks });
    expect(execution).toHaveVisited('Review');
    expect(execution).toHaveCalled('Review');
    expect(execution.status).toBe('SUCCEEDED');
  });

  it('a task that never answers times out the execution on the virtual clock', async () => {
    const mocks = mocksFor(orderFlow)({ Charge: () => ({ chargeId: 'ch_3' }), Review: () => neverAnswers() });
    const execution = await run(orderFlow, { order: { id: 'o-4', total: 5000 } }, { mocks });
    expect(execution.status).not.toBe('SUCCEEDED');
    expect(execution).not.toHaveCalled('Ship');
  });

  it('matcher messages say what happened', async () => {
    const execution = await run(orderFlow, { order: { id: 'o-5', total: 50 } }, { mocks: mocksFor(orderFlow)({ Charge: () => ({ chargeId: 'x' }) }) });
    expect(() => expect(execution).toHaveCalled('Charge', { times: 3 })).toThrow(/called 3 time\(s\); it was called 1 time\(s\)/);
    expect(() => expect(execution).toHaveFailedWith('PaymentDeclined')).toThrow(/it SUCCEEDED with/);
    expect(() => expect({ status: 'SUCCEEDED' }).toHaveVisited('Charge')).toThrow(/expects a finished execution/);
  });
});
