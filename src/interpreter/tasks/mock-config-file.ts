import type { Json, StateMachineDefinition } from '../../asl/types';
import { StatesError } from '../errors';
import { syncJob } from '../jobs/sync-job';
import { invocationRanges, MockConfigError, mockConfigProblems, type InvocationRange } from './mock-config/check-mock-config';
import { neverAnswers, resultAsWritten, type TaskAnswer, type TaskInvocation, type TaskMock, type TaskMocks } from './task-mocks';

export { MockConfigError, mockConfigProblems, type MockTarget } from './mock-config/check-mock-config';

/** AWS Step Functions Local's `MockConfigFile.json`. */
export interface MockConfigFile {
  StateMachines: Record<string, { TestCases: Record<string, Record<string, string>> }>;
  MockedResponses: Record<string, Record<string, MockedResponse>>;
}

/** One response of a MockConfigFile (`Return` or `Throw`, optionally repeated). */
export interface MockedResponse {
  /** The task's result, exactly as written (for `lambda:invoke`, the whole response: `StatusCode`, `Payload`, …). */
  Return?: Json;
  Throw?: { Error: string; Cause?: string };
  /** Statecraft extension: the call never answers (a lost callback, a hung worker or job), so the state's timeouts fire. */
  NeverAnswers?: boolean;
  /** Statecraft extension, `.sync` tasks only: the job runs this many virtual seconds, then returns `Return` or throws `Throw`. */
  DelaySeconds?: number;
}

/**
 * Turns one test case of a MockConfigFile into mocks keyed by state name, as Step Functions Local
 * does: each state's invocations (retries included) are counted from 0 and answered by the
 * response whose key covers the count (`"0"`, `"1-2"`); an invocation no key covers fails the
 * execution (`States.Runtime`, AWS: "If you do not specify a mocked response, the state machine
 * execution will fail"). A `Return` is the task's result exactly as written, never reshaped (a
 * `lambda:invoke` Return is the whole Lambda response). The file is checked first: any problem
 * throws {@link MockConfigError} listing them all; given the definition, the test case's state
 * names and `DelaySeconds` are checked against it too.
 *
 * @example
 * const mocks = mocksFromConfigFile(JSON.parse(readFileSync('MockConfigFile.json', 'utf8')), 'Orders', 'HappyPath', definition);
 */
export function mocksFromConfigFile(config: MockConfigFile, stateMachineName: string, testCase: string, definition?: StateMachineDefinition): TaskMocks {
  const problems = definition
    ? mockConfigProblems(config, { stateMachineName, definition, testCase })
    : [...mockConfigProblems(config), ...lookupProblems(config, stateMachineName, testCase)];
  if (problems.length > 0) throw new MockConfigError(problems);
  const states = config.StateMachines[stateMachineName].TestCases[testCase];
  const mocks: TaskMocks = {};
  for (const [stateName, responseName] of Object.entries(states)) {
    mocks[stateName] = mockFromResponses(responseName, config.MockedResponses[responseName]);
  }
  return mocks;
}

/** Lists the test cases of every state machine in a MockConfigFile (for error messages and the CLI). */
export function listTestCases(config: MockConfigFile): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const machines = isObject(config) && isObject(config.StateMachines) ? config.StateMachines : {};
  for (const [name, machine] of Object.entries(machines)) out[name] = isObject(machine) && isObject(machine.TestCases) ? Object.keys(machine.TestCases) : [];
  return out;
}

/** Without the definition: the state machine and the test case must at least exist. */
function lookupProblems(config: MockConfigFile, stateMachineName: string, testCase: string): string[] {
  const machines = isObject(config) && isObject(config.StateMachines) ? config.StateMachines : undefined;
  if (!machines) return [];
  if (!Object.hasOwn(machines, stateMachineName)) {
    return [`there is no state machine '${stateMachineName}' under "StateMachines" (found: ${Object.keys(machines).join(', ') || 'none'}); name it as the file does.`];
  }
  const testCases = (machines[stateMachineName] as { TestCases?: unknown } | undefined)?.TestCases;
  if (isObject(testCases) && !Object.hasOwn(testCases, testCase)) {
    return [`state machine '${stateMachineName}' has no test case '${testCase}' (found: ${Object.keys(testCases).join(', ') || 'none'}).`];
  }
  return [];
}

function mockFromResponses(responseName: string, responses: Record<string, MockedResponse>): TaskMock {
  const ranges = invocationRanges(responses);
  return resultAsWritten((_input, invocation) => {
    const n = invocation.invocationIndex;
    const match = ranges.find((r) => n >= r.from && n <= r.to);
    if (!match) throw noResponseFor(responseName, ranges, invocation);
    return answerOf(responses[match.key], invocation);
  });
}

/** For a `.waitForTaskToken` or activity task the answer is what the callback/worker sent back. */
function answerOf(response: MockedResponse, invocation: TaskInvocation): TaskAnswer {
  if (response.NeverAnswers) return neverAnswers();
  if (response.DelaySeconds !== undefined && (invocation.resource.pattern === 'sync' || invocation.resource.pattern === 'sync:2')) {
    return response.Throw
      ? syncJob({ seconds: response.DelaySeconds, error: response.Throw.Error, cause: response.Throw.Cause })
      : syncJob({ seconds: response.DelaySeconds, output: response.Return === undefined ? null : response.Return });
  }
  if (response.Throw) throw new StatesError(response.Throw.Error, response.Throw.Cause);
  return response.Return === undefined ? null : response.Return;
}

function noResponseFor(responseName: string, ranges: InvocationRange[], invocation: TaskInvocation): StatesError {
  const covered = ranges.map((r) => r.key).join(', ');
  return new StatesError(
    'States.Runtime',
    `The MockConfigFile response '${responseName}' has no answer for invocation ${invocation.invocationIndex} of Task state '${invocation.stateName}' ` +
      `(invocations count from 0, retries included; it answers ${covered}). Step Functions Local fails the execution here: add a key covering ${invocation.invocationIndex}, e.g. "${invocation.invocationIndex}".`,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
