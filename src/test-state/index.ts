/**
 * AWS Step Functions' `TestState` API, offline and instant: test one state, or one state of a
 * machine, with mocks, field validation against the services' API shapes, `stateConfiguration`,
 * `context`, `variables` and `inspectionData`, exactly as AWS answers.
 *
 * @example
 * import { testState } from 'statecraft/test-state';
 * const { status, nextState } = await testState({
 *   definition: JSON.stringify({ Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThan: 0, Next: 'Positive' }], Default: 'Other' }),
 *   input: JSON.stringify({ n: 3 }),
 * });
 * // status === 'SUCCEEDED', nextState === 'Positive'
 */
export { testState, type TestStateOptions } from './test-state';
