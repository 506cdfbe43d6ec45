/**
 * A mock that returns one object and changes it between calls (a counter, a reused page buffer):
 * each call's result is what it was when the mock returned it — in the history, in the answers a
 * snapshot keeps and after resuming — whether the history keeps values or their JSON text.
 */
import { describe, expect, it } from 'vitest';
import { Interpreter } from '../../src/interpreter';
import { withCompactAfterBytes } from '../../src/interpreter/history/history';

const ROUNDS = 12;
const definition = {
  StartAt: 'Init',
  States: {
    Init: { Type: 'Pass', Result: 0, ResultPath: '$.n', Next: 'Fetch' },
    Fetch: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:fetch', ResultPath: '$.page', Next: 'Count' },
    Count: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, 1)', 'call.$': '$.page.call' }, Next: 'More?' },
    'More?': { Type: 'Choice', Choices: [{ Variable: '$.n', NumericLessThan: ROUNDS, Next: 'Fetch' }], Default: 'Done' },
    Done: { Type: 'Succeed' },
  },
};

async function runWithOneMutatedObject(asText: boolean) {
  const shared = { call: 0, padding: 'x'.repeat(asText ? 20_000 : 10) };
  const mocks = {
    Fetch: () => {
      shared.call++;
      return shared;
    },
  };
  const machine = new Interpreter().createStateMachine(definition, { name: 'Mutating' });
  const start = () => machine.startExecution({}, { mocks });
  const execution = asText ? withCompactAfterBytes(32 * 1024, start) : start();
  const result = await execution.result;
  shared.call = 999;
  return { execution, result };
}

const expected = Array.from({ length: ROUNDS }, (_, i) => i + 1);

describe('a mock that changes the object it returned', () => {
  for (const asText of [false, true]) {
    it(`leaves each recorded result as it was returned (history ${asText ? 'storing text' : 'keeping values'})`, async () => {
      const { execution, result } = await runWithOneMutatedObject(asText);
      expect(result.status).toBe('SUCCEEDED');
      const outputs = execution
        .history()
        .filter((event) => event.type === 'LambdaFunctionSucceeded')
        .map((event) => (JSON.parse(event.lambdaFunctionSucceededEventDetails!.output!) as { call: number }).call);
      expect(outputs).toEqual(expected);
      const answers = execution.recordedAnswers().map((answer) => (answer as unknown as { outcome: { value: { call: number } } }).outcome.value.call);
      expect(answers).toEqual(expected);
      const snapshot = JSON.parse(JSON.stringify(execution.snapshot()));
      const resumed = await new Interpreter().resumeExecution(snapshot);
      expect(JSON.stringify(resumed.history())).toBe(JSON.stringify(execution.history()));
    });
  }
});
