/**
 * MockConfigFile test cases as scenarios (a test case has no input, so each is tried with several generated inputs): each test case answers by state name, which a renamed
 * version would not match, so it is run once on `before` and what each call got is recorded as an
 * answer keyed by resource and parameters, which both versions are then run with.
 */
import type { Json } from '../asl/types';
import { Interpreter, mocksFromConfigFile, type MockConfigFile, type TaskMock, type TaskMocks } from '../interpreter';
import { StatesError } from '../interpreter/errors';
import { isNeverAnswers } from '../interpreter/tasks/task-mocks';
import { isSyncJob } from '../interpreter/jobs/sync-job';
import { abstractToken } from './json';
import { buildMachineModel } from './machine-model';
import { VERIFY_START_TIME } from './side';
import type { Scenario, ScenarioAnswer } from './types';
import type { StateMachineDefinition } from '../asl/types';

/** The config's state machine for `name` (or its only one). */
function machineName(config: MockConfigFile, name: string): string {
  const names = Object.keys(config.StateMachines ?? {});
  if (names.includes(name)) return name;
  if (names.length === 1) return names[0];
  throw new Error(`The MockConfigFile has no state machine '${name}' under "StateMachines" (found: ${names.join(', ') || 'none'}).`);
}

export async function mockConfigScenarios(
  rawConfig: unknown,
  beforeDefinition: unknown,
  name: string,
  type: 'STANDARD' | 'EXPRESS' | undefined,
  inputs: Json[],
): Promise<{ testCase: string; scenario: Scenario }[]> {
  const config = rawConfig as MockConfigFile;
  const machine = machineName(config, name);
  const resources = buildMachineModel(beforeDefinition as StateMachineDefinition).resources;
  const out: { testCase: string; scenario: Scenario }[] = [];
  for (const testCase of Object.keys(config.StateMachines[machine].TestCases ?? {})) for (const input of inputs) {
    const byState = mocksFromConfigFile(config, machine, testCase);
    const answers: ScenarioAnswer[] = [];
    const recorder: TaskMock = async (callInput, invocation) => {
      const resource = invocation.resource.arn;
      const parameters = abstractToken(callInput, invocation.taskToken);
      const mock = byState[invocation.stateName];
      if (!mock) throw new StatesError('Statecraft.NoAnswer', `MockConfigFile test case '${testCase}' has no response for state '${invocation.stateName}'.`);
      try {
        const answer = await mock(callInput, invocation);
        if (isNeverAnswers(answer)) answers.push({ resource, parameters, neverAnswers: true });
        else if (isSyncJob(answer)) answers.push({ resource, parameters, job: { seconds: answer.seconds, output: answer.output, error: answer.error, cause: answer.cause } });
        else answers.push({ resource, parameters, result: answer as Json });
        return answer;
      } catch (error) {
        const e = error instanceof StatesError ? error : new StatesError((error as Error).name, (error as Error).message);
        answers.push({ resource, parameters, error: e.error ?? 'Error', ...(e.cause ? { cause: e.cause } : {}) });
        throw error;
      }
    };
    const mocks: TaskMocks = {};
    for (const r of resources) mocks[r] = recorder;
    const sfn = new Interpreter({ startTime: VERIFY_START_TIME });
    await sfn.createStateMachine(beforeDefinition, { name, type }).startExecution(input, { mocks }).result;
    out.push({ testCase, scenario: { name: `MockConfigFile test case ${testCase}`, input, answers } });
  }
  return out;
}
