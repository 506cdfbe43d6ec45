import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../src/asl/validate';
import { Interpreter, StepFunctionsApiError } from '../../src/interpreter';
import { run } from '../interpreter/run';

const pass = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
const callback = {
  StartAt: 'Ask',
  States: { Ask: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { QueueUrl: 'q', MessageBody: { 'token.$': '$$.Task.Token' } }, End: true } },
};

function nested(depth: number, leaf: unknown = 1, array = false): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = array ? [value] : { a: value };
  return value;
}

function startFails(input: unknown): StepFunctionsApiError {
  const machine = new Interpreter().createStateMachine(pass);
  try {
    machine.startExecution(input as never);
  } catch (thrown) {
    return thrown as StepFunctionsApiError;
  }
  throw new Error('startExecution accepted the input');
}

describe('execution inputs are JSON, as serialising them would make them (issue 8)', () => {
  it('startExecution({ test: undefined }) behaves as {}', async () => {
    const execution = new Interpreter().createStateMachine(pass).startExecution({ test: undefined } as never);
    expect(await execution.result).toEqual({ status: 'SUCCEEDED', output: {} });
    expect(execution.history()[0]).toMatchObject({ executionStartedEventDetails: { input: '{}' } });
  });

  it('normalises NaN, Infinity, functions, Dates and class instances like JSON.stringify', async () => {
    class Point {
      constructor(readonly x: number, readonly y: number) {}
      norm(): number {
        return Math.hypot(this.x, this.y);
      }
    }
    const input = { n: NaN, i: Infinity, f: () => 1, list: [undefined, 1], at: new Date(0), p: new Point(1, 2) };
    const { result } = await run(pass, input);
    expect(result).toEqual({ status: 'SUCCEEDED', output: { n: null, i: null, list: [null, 1], at: '1970-01-01T00:00:00.000Z', p: { x: 1, y: 2 } } });
  });

  it.each([
    ['a BigInt', { big: 10n }, /BigInt \(10n\)/],
    ['a circular object', (() => { const o: Record<string, unknown> = {}; o.self = o; return o; })(), /circular/],
    ['10,000 nested objects', nested(10_000), /nests deeper than 1000 levels/],
    ['10,000 nested arrays', nested(10_000, 1, true), /nests deeper than 1000 levels/],
  ])('refuses %s with InvalidExecutionInput, not a crash', (_what, input, message) => {
    const error = startFails(input);
    expect(error).toBeInstanceOf(StepFunctionsApiError);
    expect(error.name).toBe('InvalidExecutionInput');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/^Invalid execution input for state machine '[^']+': /);
  });
});

describe('answers that are not JSON (issue 8)', () => {
  it('a callback answered with undefined fails instead of succeeding with no output', async () => {
    const { result } = await run(callback, {}, { mocks: { Ask: () => undefined as never } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.cause).toMatch(/The answer to Task state 'Ask' is not JSON: it is undefined/);
  });

  it('a callback answer with a BigInt names the state', async () => {
    const { result } = await run(callback, {}, { mocks: { Ask: () => ({ id: 5n }) as never } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.cause).toMatch(/Task state 'Ask'.*BigInt \(5n\)/);
  });

  it('a callback answer nested 5,000 deep gets InvalidOutput and the execution goes on', async () => {
    const sfn = new Interpreter();
    const execution = sfn.createStateMachine(callback).startExecution({});
    const { taskToken } = await sfn.callbacks.nextPending({ stateName: 'Ask' });
    expect(() => sfn.sendTaskSuccess(taskToken, JSON.stringify(nested(5000)))).toThrow(expect.objectContaining({ name: 'InvalidOutput' }));
    sfn.sendTaskSuccess(taskToken, JSON.stringify({ ok: true }));
    expect(await execution.result).toEqual({ status: 'SUCCEEDED', output: { ok: true } });
  });
});

describe('mock results that are not JSON (issue 8)', () => {
  const task = { StartAt: 'Charge', States: { Charge: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:getObject', Parameters: { Bucket: 'b', Key: 'k' }, End: true } } };

  it.each([
    ['a BigInt', () => ({ size: 3n }), /BigInt \(3n\)/],
    ['a circular object', () => { const o: Record<string, unknown> = {}; o.o = o; return o; }, /circular/],
    ['10,000 nested arrays', () => nested(10_000, 1, true), /nests deeper than 1000 levels/],
  ])('%s fails the state naming it and the mock', async (_what, mock, cause) => {
    const { result } = await run(task, {}, { mocks: { Charge: mock as never } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.cause).toMatch(/The mock of Task state 'Charge' returned a value that is not JSON/);
    expect(result.cause).toMatch(cause);
  });

  it('NaN and undefined members are normalised as JSON serialisation would', async () => {
    const { result, execution } = await run(task, {}, { mocks: { Charge: () => ({ n: NaN, gone: undefined, at: new Date(0) }) as never } });
    expect(result).toEqual({ status: 'SUCCEEDED', output: { n: null, at: '1970-01-01T00:00:00.000Z' } });
    expect(() => JSON.stringify(execution.history())).not.toThrow();
  });
});

describe('the validator on hostile documents (issue 8)', () => {
  it('reports a definition nested 10,000 deep instead of crashing', () => {
    const definition = { StartAt: 'P', States: { P: { Type: 'Pass', End: true, Parameters: nested(10_000) } } };
    const problems = validateDefinition(definition);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'INVALID_DEFINITION' });
    expect(problems[0].message).toMatch(/nests deeper than 1000 levels/);
  });

  it('treats members whose value is undefined as absent', () => {
    expect(validateDefinition({ StartAt: undefined, States: { P: { Type: 'Pass', End: true } } })).toEqual([
      expect.objectContaining({ code: 'MISSING_REQUIRED_FIELD' }),
    ]);
    const branchless = { StartAt: 'Par', States: { Par: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'A', States: undefined }] } } };
    expect(validateDefinition(branchless).some((d) => d.code === 'MISSING_REQUIRED_FIELD')).toBe(true);
    expect(() => new Interpreter().createStateMachine(branchless)).toThrow(expect.objectContaining({ name: 'InvalidDefinitionError' }));
  });
});

describe('smaller defects (issue 8)', () => {
  const twoStates = { StartAt: 'P', States: { P: { Type: 'Pass', Next: 'S' }, S: { Type: 'Succeed' } } };

  it('event #N of a STANDARD history limit of N may be ExecutionSucceeded, but no other event', async () => {
    // Six events: ExecutionStarted, Pass entered/exited, Succeed entered/exited, ExecutionSucceeded.
    const six = await new Interpreter({ maxHistoryEvents: 6 }).createStateMachine(twoStates).startExecution({}).result;
    expect(six.status).toBe('SUCCEEDED');
    const five = await new Interpreter({ maxHistoryEvents: 5 }).createStateMachine(twoStates).startExecution({}).result;
    expect(five).toMatchObject({ status: 'FAILED', error: 'States.Runtime', cause: 'The execution history reached the limit of 5 events.' });
  });

  it('ResultPath $.__proto__.polluted writes an own __proto__ member', async () => {
    const { result } = await run({ StartAt: 'P', States: { P: { Type: 'Pass', Result: 1, ResultPath: '$.__proto__.polluted', End: true } } }, { a: 1 });
    expect(result.status).toBe('SUCCEEDED');
    const output = (result as { output: Record<string, unknown> }).output;
    expect(Object.keys(output)).toEqual(['a', '__proto__']);
    expect(JSON.stringify(output)).toBe('{"a":1,"__proto__":{"polluted":1}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("States.Hash('a', 'constructor') is a States.Runtime error about the algorithm", async () => {
    const { result } = await run({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'h.$': "States.Hash('a', 'constructor')" }, End: true } } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.cause).toMatch(/The function 'States.Hash\('a', 'constructor'\)' had the following error: Invalid arguments in States.Hash$/);
  });

  it.each([
    ["States.StringToJson('1e400')", /Invalid arguments in States.StringToJson$/],
    ["States.StringToJson('{\"id\": 12345678901234567890}')", /Invalid arguments in States.StringToJson$/],
  ])('%s fails clearly instead of losing the number', async (call, cause) => {
    const { result } = await run({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'v.$': call }, End: true } } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.cause).toMatch(cause);
  });

  it('States.StringToJson keeps numbers a double holds', async () => {
    const { result } = await run({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'v.$': "States.StringToJson('[9007199254740991, 1.5e300, \"12345678901234567890\"]')" }, End: true } } });
    expect(result).toEqual({ status: 'SUCCEEDED', output: { v: [9007199254740991, 1.5e300, '12345678901234567890'] } });
  });
});
