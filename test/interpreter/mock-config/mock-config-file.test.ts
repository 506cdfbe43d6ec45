import { describe, expect, it } from 'vitest';
import { Interpreter, MockConfigError, type MockConfigFile } from '../../../src/interpreter';

const START = '2024-01-01T00:00:00Z';
const lambdaTask = (extra: Record<string, unknown> = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: 'f', 'Payload.$': '$' },
  ...extra,
});

/** A config for machine `M` with one test case `T` mapping `Call` to response `R`. */
function config(responses: Record<string, unknown>, states: Record<string, string> = { Call: 'R' }): MockConfigFile {
  return { StateMachines: { M: { TestCases: { T: states } } }, MockedResponses: responses } as unknown as MockConfigFile;
}

function start(definition: unknown, mockConfig: MockConfigFile, testCase = 'T') {
  const sfn = new Interpreter({ startTime: START, mockConfig });
  return sfn.createStateMachine(definition, { name: 'M' }).startExecution({ in: 1 }, { testCase });
}

function loadProblems(mockConfig: unknown): string[] {
  try {
    new Interpreter({ mockConfig: mockConfig as MockConfigFile });
  } catch (error) {
    expect(error).toBeInstanceOf(MockConfigError);
    return [...(error as MockConfigError).problems];
  }
  return [];
}

describe('MockConfigFile responses are the task result as written', () => {
  it("AWS's Java demo: a lambda:invoke Return with statusCode and Payload is not wrapped again", async () => {
    const definition = { StartAt: 'Call', States: { Call: lambdaTask({ OutputPath: '$.Payload', End: true }) } };
    const execution = start(definition, config({ R: { '0': { Return: { statusCode: 200, Payload: { customerId: 'c-1', approved: true } } } } }));
    expect(await execution.result).toEqual({ status: 'SUCCEEDED', output: { customerId: 'c-1', approved: true } });
    const succeeded = execution.history().find((e) => e.type === 'TaskSucceeded')!;
    expect(JSON.parse(succeeded.taskSucceededEventDetails!.output!)).toEqual({ statusCode: 200, Payload: { customerId: 'c-1', approved: true } });
  });

  it('a Return of any shape (a string, a bare object) is the result unchanged', async () => {
    const definition = { StartAt: 'Call', States: { Call: lambdaTask({ End: true }) } };
    expect(await start(definition, config({ R: { '0': { Return: 'just text' } } })).result).toEqual({ status: 'SUCCEEDED', output: 'just text' });
    expect(await start(definition, config({ R: { '0': { Return: { body: 'x' } } } })).result).toEqual({ status: 'SUCCEEDED', output: { body: 'x' } });
  });

  it('an invocation no key covers fails the execution (not a reuse of the last response)', async () => {
    const definition = { StartAt: 'Call', States: { Call: lambdaTask({ Retry: [{ ErrorEquals: ['Busy'], IntervalSeconds: 1, MaxAttempts: 3 }], End: true }) } };
    const result = await start(definition, config({ R: { '0': { Throw: { Error: 'Busy', Cause: 'later' } } } })).result;
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.cause).toContain("The MockConfigFile response 'R' has no answer for invocation 1 of Task state 'Call'");
    expect(result.cause).toContain('add a key covering 1');
  });

  it('survives snapshot and resume (the replayed answer is not wrapped either)', async () => {
    const definition = {
      StartAt: 'Call',
      States: {
        Call: lambdaTask({ ResultPath: '$.call', Next: 'Approve' }),
        Approve: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { 'token.$': '$$.Task.Token' }, ResultPath: '$.approval', End: true },
      },
    };
    const mockConfig = config({ R: { '0': { Return: { statusCode: 200, Payload: 'p' } } } });
    const sfn = new Interpreter({ startTime: START, mockConfig });
    const execution = sfn.createStateMachine(definition, { name: 'M' }).startExecution({}, { testCase: 'T' });
    await sfn.callbacks.nextPending({ stateName: 'Approve' });
    const saved = JSON.parse(JSON.stringify(execution.snapshot()));
    execution.stop();
    const sfn2 = new Interpreter({ startTime: saved.clockNow, mockConfig });
    sfn2.createStateMachine(definition, { name: 'M' });
    const resumed = await sfn2.resumeExecution(saved);
    const [task] = sfn2.callbacks.pending({ executionArn: resumed.executionArn });
    sfn2.sendTaskSuccess(task.taskToken, '"yes"');
    expect(await resumed.result).toEqual({ status: 'SUCCEEDED', output: { call: { statusCode: 200, Payload: 'p' }, approval: 'yes' } });
  });
});

describe('a MockConfigFile is checked when it is loaded', () => {
  it('refuses responses AWS does not define, naming the response, the invocation and the fix', () => {
    const cases: [unknown, RegExp][] = [
      [{ '0': { Return: 1, Throw: { Error: 'E', Cause: 'c' } } }, /mocked response 'R', invocation '0' has both "Return" and "Throw"/],
      [{ '0': {} }, /invocation '0' must be \{"Return".*but it is an empty object/],
      [{ '0': null }, /invocation '0' must be .*but it is null/],
      [{ '0': 'ok' }, /invocation '0' must be .*but it is string "ok"/],
      [{}, /mocked response 'R' must map invocation numbers .*but it is an empty object/],
      [null, /mocked response 'R' must map invocation numbers .*but it is null/],
      [{ '0': { Throw: 'boom' } }, /has "Throw": "boom"; it must be an object/],
      [{ '0': { Throw: { Error: 5, Cause: 'c' } } }, /"Error" is number 5; give the error name as a string/],
      [{ '0': { Throw: { Cause: 'c' } } }, /"Error" is missing/],
      [{ '3-1': { Return: 1 } }, /the range '3-1', which runs backwards; write '1-3'/],
      [{ '0-2': { Return: 1 }, '2': { Return: 2 } }, /answers invocation 2 twice \('0-2' and '2'\)/],
      [{ first: { Return: 1 } }, /has the key 'first'; use an invocation number/],
      [{ '0': { Returns: 1 } }, /unknown field 'Returns'/],
      [{ '0': { DelaySeconds: -1, Return: 1 } }, /"DelaySeconds": -1; give a number of seconds >= 0/],
    ];
    for (const [response, message] of cases) {
      const problems = loadProblems(config({ R: response as Record<string, unknown> }));
      expect(problems.join('\n'), JSON.stringify(response)).toMatch(message);
    }
  });

  it('refuses a test case that maps a state to a missing response, and a file without StateMachines', () => {
    expect(loadProblems(config({ R: { '0': { Return: 1 } } }, { Call: 'Nope' })).join('\n')).toMatch(/maps state 'Call' to 'Nope', which is not in "MockedResponses"/);
    expect(loadProblems({ MockedResponses: {} }).join('\n')).toMatch(/"StateMachines" must be an object/);
    expect(loadProblems([]).join('\n')).toMatch(/must be a JSON object/);
  });

  it('checks the test case against the definition when the execution starts: state names and DelaySeconds', () => {
    const definition = { StartAt: 'Call', States: { Call: lambdaTask({ End: true }) } };
    expect(() => start(definition, config({ R: { '0': { Return: 1 } } }, { Cal: 'R' }))).toThrow(/test case 'T' of state machine 'M' mocks 'Cal', which is not a Task state of the state machine \(Task states: Call\)/);
    expect(() => start(definition, config({ R: { '0': { Return: 1, DelaySeconds: 5 } } }))).toThrow(/"DelaySeconds", which only \.sync tasks take; .*'Call' \(arn:aws:states:::lambda:invoke\)/);
    // Nested Task states count (a Parallel branch).
    const nested = { StartAt: 'P', States: { P: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'Call', States: { Call: lambdaTask({ End: true }) } }] } } };
    expect(() => start(nested, config({ R: { '0': { Return: 1 } } }))).not.toThrow();
  });

  it("a test case named 'constructor' works, and an unknown 'constructor' or 'toString' is a clear error", async () => {
    const definition = { StartAt: 'Call', States: { Call: lambdaTask({ End: true }) } };
    const mockConfig = JSON.parse('{"StateMachines":{"M":{"TestCases":{"constructor":{"Call":"R"}}}},"MockedResponses":{"R":{"0":{"Return":"ok"}}}}');
    expect(await start(definition, mockConfig, 'constructor').result).toEqual({ status: 'SUCCEEDED', output: 'ok' });
    const other = config({ R: { '0': { Return: 1 } } });
    for (const name of ['constructor', 'toString', '__proto__']) {
      expect(() => start(definition, other, name)).toThrow(new RegExp(`state machine 'M' has no test case '${name}' \\(found: T\\)`));
    }
  });
});
