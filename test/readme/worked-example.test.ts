import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { compileWorkflow } from 'statecraft';
import { Interpreter, taskFailure } from 'statecraft/interpreter';
import { orderFlow } from './order-flow';

// The README's worked example, step 4.

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

it("the README's step 1 is the code these tests run", () => {
  const readme = readFileSync('README.md', 'utf8');
  const shown = /\*\*1\. Write the workflow\*\*[^]*?```ts\n([^]*?)```/.exec(readme)![1];
  const tested = readFileSync('test/readme/order-flow.ts', 'utf8').replace(/^\/\/ .*\n(\/\/ .*\n)*/m, '');
  const code = (text: string) => text.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('//')).join('\n');
  expect(code(shown)).toBe(code(tested));
});
