import { taskCalls, visitedStates, type ExecutionFacts } from './execution-facts';

/** The part of a test runner's matcher context the matchers use (vitest's and Jest's have it). */
export interface MatcherContext {
  equals(actual: unknown, expected: unknown): boolean;
  isNot?: boolean;
}

/** A matcher's verdict in the shape `expect.extend` expects. */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}

/** The matchers' signatures as seen on `expect(execution)`; `R` is the runner's return type. */
export interface ExecutionMatchers<R = unknown> {
  /** The execution succeeded and its output equals `expected` (asymmetric matchers allowed). */
  toHaveSucceededWith(expected: unknown): R;
  /** The execution failed with this error name (and, when given, this cause). */
  toHaveFailedWith(error: string, cause?: string): R;
  /** The execution entered the state with this name (at least once). */
  toHaveVisited(stateName: string): R;
  /** The Task state called its resource (retries count): at least once, or exactly `times` times. */
  toHaveCalled(stateName: string, options?: { times?: number }): R;
}

const show = (value: unknown) => JSON.stringify(value);

function facts(received: unknown, matcher: string): ExecutionFacts {
  const candidate = received as Partial<ExecutionFacts> | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.status !== 'string' || !Array.isArray(candidate.history)) {
    throw new TypeError(
      `${matcher} expects a finished execution: the value of 'await run(workflow, input)' from statecraft/testing, ` +
        `or { ...(await execution.result), history: execution.history() }.`,
    );
  }
  return candidate as ExecutionFacts;
}

function outcome(f: ExecutionFacts): string {
  return f.status === 'SUCCEEDED' ? `SUCCEEDED with ${show(f.output)}` : `${f.status} (error ${show(f.error)}, cause ${show(f.cause)})`;
}

/**
 * Test-runner-neutral matchers for executions, for `expect.extend(...)` (vitest or Jest). With
 * vitest, import `statecraft/testing/vitest` instead: it registers them and types `expect`.
 *
 * @example
 * expect.extend(executionMatchers);
 * expect(execution).toHaveCalled('Charge', { times: 2 });
 */
export const executionMatchers = {
  toHaveSucceededWith(this: MatcherContext, received: unknown, expected: unknown): MatcherResult {
    const f = facts(received, 'toHaveSucceededWith');
    const pass = f.status === 'SUCCEEDED' && this.equals(f.output, expected);
    return {
      pass,
      message: () => `expected the execution ${this.isNot ? 'not ' : ''}to have SUCCEEDED with ${show(expected)}; it ${outcome(f)}`,
      actual: f.output,
      expected,
    };
  },
  toHaveFailedWith(this: MatcherContext, received: unknown, error: string, cause?: string): MatcherResult {
    const f = facts(received, 'toHaveFailedWith');
    const pass = f.status === 'FAILED' && f.error === error && (cause === undefined || f.cause === cause);
    const wanted = cause === undefined ? show(error) : `${show(error)} (cause ${show(cause)})`;
    return { pass, message: () => `expected the execution ${this.isNot ? 'not ' : ''}to have FAILED with ${wanted}; it ${outcome(f)}` };
  },
  toHaveVisited(this: MatcherContext, received: unknown, stateName: string): MatcherResult {
    const visited = visitedStates(facts(received, 'toHaveVisited'));
    return {
      pass: visited.includes(stateName),
      message: () => `expected the execution ${this.isNot ? 'not ' : ''}to have entered '${stateName}'; it entered ${show(visited)}`,
    };
  },
  toHaveCalled(this: MatcherContext, received: unknown, stateName: string, options: { times?: number } = {}): MatcherResult {
    const calls = taskCalls(facts(received, 'toHaveCalled'));
    const count = calls.get(stateName) ?? 0;
    const pass = options.times === undefined ? count > 0 : count === options.times;
    const wanted = options.times === undefined ? 'at least once' : `${options.times} time(s)`;
    return {
      pass,
      message: () =>
        `expected Task '${stateName}' ${this.isNot ? 'not ' : ''}to have been called ${wanted}; it was called ${count} time(s) ` +
        `(calls by state: ${show(Object.fromEntries(calls))})`,
    };
  },
};
