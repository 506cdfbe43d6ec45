/**
 * `statecraft/testing/vitest`: registers the execution matchers with vitest's `expect` and types
 * them. Import it once, in a test file or in a vitest `setupFiles` module.
 *
 * @example
 * import 'statecraft/testing/vitest';
 * const execution = await run(orderFlow, input, { mocks });
 * expect(execution).toHaveSucceededWith({ shipped: true });
 * expect(execution).toHaveVisited('Review');
 * expect(execution).toHaveCalled('Charge', { times: 2 });
 */
import { expect } from 'vitest';
import { executionMatchers, type ExecutionMatchers } from '../matchers';

expect.extend(executionMatchers);

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends ExecutionMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends ExecutionMatchers<void> {}
}

export { executionMatchers, type ExecutionMatchers };
