import type { Json, StateMachineDefinition } from '../../asl/types';
import { mocksFromConfigFile, type MockConfigFile } from '../../interpreter/tasks/mock-config-file';
import type { TaskAnswer, TaskMock, TaskMocks } from '../../interpreter/tasks/task-mocks';
import { ApiError } from '../protocol/api-error';
import type { RealEndpoints } from './real-endpoints';

/**
 * The mocks an execution runs with: the MockConfigFile test case named by `<machineArn>#<TestCase>`
 * (as Step Functions Local selects one), above the real local services given with `--endpoint`.
 * Each mock tells `onAnswer` once it has answered, so the execution's journal records the answer
 * at once (an answer the journal lacks would be asked for again after a crash). A real endpoint
 * call also tells `onAnswer` before it is made: the journal then holds the call's intent, so a
 * call in flight when the process died is known at recovery — it is made again (at-least-once,
 * as AWS invokes tasks) and reported, never repeated silently.
 */
export class ExecutionMocks {
  constructor(
    private readonly config: MockConfigFile | undefined,
    private readonly endpoints: RealEndpoints | undefined,
  ) {}

  for(machineName: string, definition: Json, testCase: string | undefined, onAnswer: () => void): TaskMocks | undefined {
    const real = this.endpoints?.mocksFor(definition) ?? {};
    const layers: TaskMocks = { ...real, ...this.testCaseMocks(machineName, definition, testCase) };
    const names = Object.keys(layers);
    if (names.length === 0) return undefined;
    const wrapped: TaskMocks = {};
    for (const name of names) wrapped[name] = notifying(layers[name], onAnswer, layers[name] === real[name]);
    return wrapped;
  }

  private testCaseMocks(machineName: string, definition: Json, testCase: string | undefined): TaskMocks {
    if (testCase === undefined) return {};
    if (!this.config) {
      throw new ApiError('ValidationException', `Test case '${testCase}' was asked for, but the server has no mock configuration; start it with --mock-config FILE (or SFN_MOCK_CONFIG).`);
    }
    try {
      return mocksFromConfigFile(this.config, machineName, testCase, definition as unknown as StateMachineDefinition);
    } catch (error) {
      throw new ApiError('ValidationException', (error as Error).message);
    }
  }
}

function notifying(mock: TaskMock, onAnswer: () => void, journalIntent: boolean): TaskMock {
  return (input, invocation) => {
    // The attempt is already recorded (without an outcome): journal it before the call goes out.
    if (journalIntent) onAnswer();
    let answer: TaskAnswer | Promise<TaskAnswer>;
    try {
      answer = mock(input, invocation);
    } catch (error) {
      queueMicrotask(onAnswer);
      throw error;
    }
    if (answer instanceof Promise) {
      void answer.then(
        () => queueMicrotask(onAnswer),
        () => queueMicrotask(onAnswer),
      );
    } else queueMicrotask(onAnswer);
    return answer;
  };
}
