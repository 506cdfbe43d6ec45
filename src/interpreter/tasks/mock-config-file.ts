import type { Json } from '../../asl/types';
import { StatesError } from '../errors';
import { syncJob } from '../jobs/sync-job';
import { neverAnswers, type TaskInvocation, type TaskMock, type TaskMocks } from './task-mocks';

/** AWS Step Functions Local's `MockConfigFile.json`. */
export interface MockConfigFile {
  StateMachines: Record<string, { TestCases: Record<string, Record<string, string>> }>;
  MockedResponses: Record<string, Record<string, MockedResponse>>;
}

export interface MockedResponse {
  Return?: Json;
  Throw?: { Error?: string; Cause?: string };
  /** Statecraft extension: the call never answers (a lost callback, a hung worker or job), so the state's timeouts fire. */
  NeverAnswers?: boolean;
  /** Statecraft extension, `.sync` tasks only: the job runs this many virtual seconds, then returns `Return` or throws `Throw`. */
  DelaySeconds?: number;
}

/**
 * Turns one test case of a MockConfigFile into mocks keyed by state name. Each state's
 * invocations (retries included) are counted from 0 and answered by the response whose key
 * covers the count (`"0"`, `"1-2"`); past the last range the last response repeats, as Step
 * Functions Local does.
 *
 * @example
 * const mocks = mocksFromConfigFile(JSON.parse(readFileSync('MockConfigFile.json', 'utf8')), 'Orders', 'HappyPath');
 */
export function mocksFromConfigFile(config: MockConfigFile, stateMachineName: string, testCase: string): TaskMocks {
  const machine = config.StateMachines?.[stateMachineName];
  if (!machine) {
    const known = Object.keys(config.StateMachines ?? {}).join(', ') || 'none';
    throw new Error(`MockConfigFile has no state machine '${stateMachineName}' under "StateMachines" (found: ${known}).`);
  }
  const states = machine.TestCases?.[testCase];
  if (!states) {
    const known = Object.keys(machine.TestCases ?? {}).join(', ') || 'none';
    throw new Error(`MockConfigFile: state machine '${stateMachineName}' has no test case '${testCase}' (found: ${known}).`);
  }
  const mocks: TaskMocks = {};
  for (const [stateName, responseName] of Object.entries(states)) {
    const responses = config.MockedResponses?.[responseName];
    if (!responses) {
      throw new Error(`MockConfigFile: test case '${testCase}' maps state '${stateName}' to '${responseName}', which is not in "MockedResponses".`);
    }
    mocks[stateName] = mockFromResponses(responseName, responses);
  }
  return mocks;
}

/** Lists the test cases of every state machine in a MockConfigFile (for error messages and the CLI). */
export function listTestCases(config: MockConfigFile): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, machine] of Object.entries(config.StateMachines ?? {})) out[name] = Object.keys(machine.TestCases ?? {});
  return out;
}

function mockFromResponses(responseName: string, responses: Record<string, MockedResponse>): TaskMock {
  const ranges = Object.entries(responses).map(([key, response]) => ({ ...parseRange(responseName, key), response }));
  ranges.sort((a, b) => a.from - b.from);
  return (_input, invocation) => {
    const n = invocation.invocationIndex;
    const match = ranges.find((r) => n >= r.from && n <= r.to) ?? ranges[ranges.length - 1];
    return answerOf(responseName, match.response, invocation);
  };
}

/** For a `.waitForTaskToken` or activity task the answer is what the callback/worker sent back. */
function answerOf(responseName: string, response: MockedResponse, invocation: TaskInvocation) {
  if (response.NeverAnswers) return neverAnswers();
  if (response.DelaySeconds !== undefined) {
    const { pattern } = invocation.resource;
    if (pattern !== 'sync' && pattern !== 'sync:2') {
      throw new Error(`MockConfigFile: response '${responseName}' sets DelaySeconds, which only .sync tasks take; state '${invocation.stateName}' is not one.`);
    }
    return response.Throw
      ? syncJob({ seconds: response.DelaySeconds, error: response.Throw.Error ?? 'States.TaskFailed', cause: response.Throw.Cause })
      : syncJob({ seconds: response.DelaySeconds, output: response.Return === undefined ? null : response.Return });
  }
  if (response.Throw) throw new StatesError(response.Throw.Error ?? null, response.Throw.Cause);
  return response.Return === undefined ? null : response.Return;
}

function parseRange(responseName: string, key: string): { from: number; to: number } {
  const m = /^(\d+)(?:-(\d+))?$/.exec(key.trim());
  if (!m) throw new Error(`MockConfigFile: response '${responseName}' has key '${key}'; expected an invocation index like "0" or a range like "1-2".`);
  const from = Number(m[1]);
  return { from, to: m[2] === undefined ? from : Number(m[2]) };
}
