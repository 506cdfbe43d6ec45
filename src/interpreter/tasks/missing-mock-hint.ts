import type { TaskTarget } from './task-target';

/**
 * Who reads the hint of a Task with no mock: `code` (mocks passed to `startExecution`) or
 * `mock-file` (a CLI user, whose only way to mock is a MockConfigFile entry).
 */
export type MockHintStyle = 'code' | 'mock-file';

export interface MockHintContext {
  style: MockHintStyle;
  stateMachineName: string;
  /** The MockConfigFile test case in use, if any. */
  testCase?: string;
}

/** How to give the Task state `stateName` a mock, in the words of whoever runs it. */
export function missingMockHint(context: MockHintContext | undefined, stateName: string, resource: TaskTarget): string {
  const state = JSON.stringify(stateName);
  if (context?.style === 'mock-file') {
    const response = JSON.stringify(`${stateName}Response`);
    const entry = `"MockedResponses": { ${response}: { "0": { "Return": { ... } } } }`;
    return context.testCase === undefined
      ? `Mock it in a MockConfigFile and run with --mocks MockConfigFile.json --test-case NAME: ` +
          `{ "StateMachines": { ${JSON.stringify(context.stateMachineName)}: { "TestCases": { "NAME": { ${state}: ${response} } } } }, ${entry} }.`
      : `Add ${state}: ${response} to test case '${context.testCase}' of '${context.stateMachineName}' in the MockConfigFile, and ${entry}.`;
  }
  return (
    `Give one when starting the execution, e.g. mocks: { '${stateName}': (input) => ({ ... }) } ` +
    `(keyed by state name or by the Resource ARN '${resource.shortArn}'), or a MockConfigFile test case that maps '${stateName}' to a mocked response.`
  );
}
