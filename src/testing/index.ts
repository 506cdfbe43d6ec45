/**
 * `statecraft/testing`: run your workflows in your own test suite, with mocks typed by the workflow.
 * Nothing here depends on a test runner; the vitest matchers are in `statecraft/testing/vitest`.
 *
 * @example
 * import { mocksFor, run } from 'statecraft/testing';
 * const execution = await run(orderFlow, { order: { id: 'o-1', total: 50 } }, {
 *   mocks: mocksFor(orderFlow)({ Charge: () => ({ chargeId: 'ch_1' }) }),
 * });
 * if (execution.status === 'SUCCEEDED') console.log(execution.output);
 */
export { mocksFor, type WorkflowMocks, type TypedTaskMock, type MockResultOf, type MockInputOf, type TasksOf } from './mocks-for';
export { run, type RunOptions, type TestRun, type InputOf } from './run';
export { MockResultSchemaError } from './result-schemas';
export { visitedStates, taskCalls, type ExecutionFacts } from './execution-facts';
export { executionMatchers, type ExecutionMatchers, type MatcherContext, type MatcherResult } from './matchers';
export { taskFailure, neverAnswers, syncJob } from '../interpreter/index';
