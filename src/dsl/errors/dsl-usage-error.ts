/**
 * Thrown while a builder chain is being *written* wrong in a way the types cannot catch (e.g. a
 * function value in a payload). Compile-time problems of a finished workflow are reported by the
 * compiler as `WorkflowCompileError` instead.
 */
export class DslUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DslUsageError';
  }
}
