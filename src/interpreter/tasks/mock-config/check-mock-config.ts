import { isRunJob, parseTaskResource } from '../../../asl/task-resource';
import type { StateMachineDefinition } from '../../../asl/types';
import { walkStates } from '../../../asl/walk';

/** The fields a mocked response may have: AWS's two, then Statecraft's extensions. */
const RESPONSE_FIELDS = ['Return', 'Throw', 'NeverAnswers', 'DelaySeconds'];
const RANGE = /^(\d+)(?:-(\d+))?$/;

/** An invocation range of a mocked response (`"0"`, `"1-2"`; inclusive). */
export interface InvocationRange {
  key: string;
  from: number;
  to: number;
}

/** A MockConfigFile that cannot be used: every problem, each naming where it is and what to do. */
export class MockConfigError extends Error {
  override readonly name = 'MockConfigError';

  constructor(readonly problems: readonly string[]) {
    super(`The MockConfigFile has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** What a test case is checked against: the state machine it mocks. */
export interface MockTarget {
  stateMachineName: string;
  definition: StateMachineDefinition;
  /** Check only this test case (default: every test case of the state machine). */
  testCase?: string;
}

/**
 * Every problem of a MockConfigFile (AWS Step Functions Local's format, as AWS's guide describes
 * it): its shape, each test case's response names, each mocked response (exactly one of `Return`
 * or `Throw`, a `Throw` with string `Error`/`Cause`, invocation keys that neither run backwards
 * nor overlap) and, given the state machine, that each test case names its Task states and puts
 * `DelaySeconds` only on `.sync` ones. Empty when the file is usable.
 *
 * @example
 * const problems = mockConfigProblems(JSON.parse(text), { stateMachineName: 'Orders', definition });
 * if (problems.length) throw new MockConfigError(problems);
 */
export function mockConfigProblems(config: unknown, target?: MockTarget): string[] {
  const problems: string[] = [];
  if (!isObject(config)) {
    return [`the file must be a JSON object with "StateMachines" and "MockedResponses", but it is ${describe(config)}.`];
  }
  const responses = config.MockedResponses;
  if (responses !== undefined && !isObject(responses)) problems.push(`"MockedResponses" must be an object of named responses, but it is ${describe(responses)}.`);
  const responseNames = isObject(responses) ? responses : {};
  for (const [name, response] of Object.entries(responseNames)) checkResponse(problems, name, response);

  const machines = config.StateMachines;
  if (!isObject(machines)) {
    problems.push(`"StateMachines" must be an object mapping state machine names to {"TestCases": {...}}, but it is ${describe(machines)}.`);
    return problems;
  }
  for (const [machineName, machine] of Object.entries(machines)) {
    const testCases = isObject(machine) ? machine.TestCases : undefined;
    if (!isObject(testCases)) {
      problems.push(`state machine '${machineName}' must be {"TestCases": {"<test case>": {"<Task state>": "<mocked response>"}}}, but its "TestCases" is ${describe(testCases)}.`);
      continue;
    }
    for (const [testCase, states] of Object.entries(testCases)) {
      const where = `test case '${testCase}' of state machine '${machineName}'`;
      if (!isObject(states)) {
        problems.push(`${where} must map Task state names to mocked response names, but it is ${describe(states)}.`);
        continue;
      }
      for (const [stateName, responseName] of Object.entries(states)) {
        if (typeof responseName !== 'string') {
          problems.push(`${where} maps state '${stateName}' to ${describe(responseName)}; give the name of an entry of "MockedResponses".`);
        } else if (!Object.hasOwn(responseNames, responseName)) {
          problems.push(`${where} maps state '${stateName}' to '${responseName}', which is not in "MockedResponses"; add it there or fix the name.`);
        }
      }
    }
  }
  if (target) checkAgainstDefinition(problems, machines, responseNames, target);
  return problems;
}

/** The invocation ranges of a (checked) mocked response, in order. */
export function invocationRanges(response: Record<string, unknown>): InvocationRange[] {
  const ranges: InvocationRange[] = [];
  for (const key of Object.keys(response)) {
    const m = RANGE.exec(key.trim());
    if (m) ranges.push({ key, from: Number(m[1]), to: m[2] === undefined ? Number(m[1]) : Number(m[2]) });
  }
  return ranges.sort((a, b) => a.from - b.from);
}

function checkResponse(problems: string[], name: string, response: unknown): void {
  const where = `mocked response '${name}'`;
  if (!isObject(response) || Object.keys(response).length === 0) {
    problems.push(`${where} must map invocation numbers ("0", "1-2") to {"Return": …} or {"Throw": {"Error": …, "Cause": …}}, but it is ${describe(response)}.`);
    return;
  }
  for (const [key, answer] of Object.entries(response)) {
    const m = RANGE.exec(key.trim());
    if (!m) problems.push(`${where} has the key '${key}'; use an invocation number counted from 0 ("0") or an inclusive range ("1-2").`);
    else if (m[2] !== undefined && Number(m[2]) < Number(m[1])) problems.push(`${where} has the range '${key}', which runs backwards; write '${m[2]}-${m[1]}'.`);
    checkAnswer(problems, `${where}, invocation '${key}'`, answer);
  }
  const ranges = invocationRanges(response).filter((r) => r.from <= r.to);
  for (let i = 1; i < ranges.length; i++) {
    const [a, b] = [ranges[i - 1], ranges[i]];
    if (b.from <= a.to) problems.push(`${where} answers invocation ${b.from} twice ('${a.key}' and '${b.key}'); make the ranges disjoint.`);
  }
}

function checkAnswer(problems: string[], where: string, answer: unknown): void {
  if (!isObject(answer) || Object.keys(answer).length === 0) {
    problems.push(`${where} must be {"Return": <the task's result>} or {"Throw": {"Error": "…", "Cause": "…"}}, but it is ${describe(answer)}.`);
    return;
  }
  for (const field of Object.keys(answer)) {
    if (!RESPONSE_FIELDS.includes(field)) problems.push(`${where} has the unknown field '${field}'; a response has "Return" or "Throw" (Statecraft adds "NeverAnswers" and, for .sync tasks, "DelaySeconds").`);
  }
  const has = (field: string) => Object.hasOwn(answer, field);
  if (has('Return') && has('Throw')) problems.push(`${where} has both "Return" and "Throw"; a response is one or the other.`);
  if (has('NeverAnswers')) {
    if (answer.NeverAnswers !== true) problems.push(`${where} has "NeverAnswers": ${JSON.stringify(answer.NeverAnswers)}; write true, or remove it.`);
    else if (has('Return') || has('Throw') || has('DelaySeconds')) problems.push(`${where} has "NeverAnswers" with "Return", "Throw" or "DelaySeconds"; a call that never answers has nothing else.`);
  } else if (!has('Return') && !has('Throw')) {
    problems.push(`${where} has neither "Return" nor "Throw"; add the task's result as "Return", or its error as "Throw": {"Error": "…", "Cause": "…"}.`);
  }
  if (has('Throw')) checkThrow(problems, where, answer.Throw);
  if (has('DelaySeconds')) {
    const seconds = answer.DelaySeconds;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) problems.push(`${where} has "DelaySeconds": ${JSON.stringify(seconds)}; give a number of seconds >= 0.`);
  }
}

function checkThrow(problems: string[], where: string, thrown: unknown): void {
  if (!isObject(thrown)) {
    problems.push(`${where} has "Throw": ${JSON.stringify(thrown)}; it must be an object, e.g. {"Error": "Lambda.TimeoutException", "Cause": "Lambda timed out."}.`);
    return;
  }
  if (typeof thrown.Error !== 'string') problems.push(`${where} has a "Throw" whose "Error" is ${describe(thrown.Error)}; give the error name as a string (what Retry and Catch match).`);
  if (thrown.Cause !== undefined && typeof thrown.Cause !== 'string') problems.push(`${where} has a "Throw" whose "Cause" is ${describe(thrown.Cause)}; give a string.`);
  for (const field of Object.keys(thrown)) {
    if (field !== 'Error' && field !== 'Cause') problems.push(`${where} has a "Throw" with the unknown field '${field}'; it takes "Error" and "Cause".`);
  }
}

function checkAgainstDefinition(problems: string[], machines: Record<string, unknown>, responses: Record<string, unknown>, target: MockTarget): void {
  const { stateMachineName, definition } = target;
  if (!Object.hasOwn(machines, stateMachineName)) {
    problems.push(`there is no state machine '${stateMachineName}' under "StateMachines" (found: ${Object.keys(machines).join(', ') || 'none'}); name it as the file does.`);
    return;
  }
  const testCases = (machines[stateMachineName] as { TestCases?: unknown }).TestCases;
  if (!isObject(testCases)) return;
  if (target.testCase !== undefined && !Object.hasOwn(testCases, target.testCase)) {
    problems.push(`state machine '${stateMachineName}' has no test case '${target.testCase}' (found: ${Object.keys(testCases).join(', ') || 'none'}).`);
    return;
  }
  const tasks = taskResources(definition);
  const names = target.testCase === undefined ? Object.keys(testCases) : [target.testCase];
  for (const testCase of names) {
    const states = testCases[testCase];
    if (!isObject(states)) continue;
    const where = `test case '${testCase}' of state machine '${stateMachineName}'`;
    for (const [stateName, responseName] of Object.entries(states)) {
      const resource = tasks.get(stateName);
      if (resource === undefined) {
        problems.push(`${where} mocks '${stateName}', which is not a Task state of the state machine (Task states: ${[...tasks.keys()].join(', ') || 'none'}); fix the name.`);
        continue;
      }
      const response = typeof responseName === 'string' && Object.hasOwn(responses, responseName) ? responses[responseName] : undefined;
      if (!isObject(response)) continue;
      const parsed = parseTaskResource(resource);
      const runsJob = 'pattern' in parsed && isRunJob(parsed.pattern);
      for (const [key, answer] of Object.entries(response)) {
        if (!runsJob && isObject(answer) && Object.hasOwn(answer, 'DelaySeconds')) {
          problems.push(`mocked response '${responseName}', invocation '${key}' has "DelaySeconds", which only .sync tasks take; ${where} uses it for '${stateName}' (${resource}). Remove "DelaySeconds" (a mock takes no time) or mock a .sync task with it.`);
        }
      }
    }
  }
}

/** Task state name → its Resource, at any depth (Parallel branches, Map processors). */
function taskResources(definition: StateMachineDefinition): Map<string, string> {
  const tasks = new Map<string, string>();
  walkStates(definition, ({ name, state }) => {
    if (state.Type === 'Task') tasks.set(name, String((state as { Resource?: unknown }).Resource));
  });
  return tasks;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return Object.keys(value).length === 0 ? 'an empty object' : 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}
