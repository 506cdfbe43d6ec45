/**
 * aws-local-stepfunctions v3 calls `Promise.withResolvers`, which Node 20 lacks. Installed only in
 * the bench process that runs it, before it loads; Statecraft itself never relies on it.
 */
export function installPromiseWithResolvers(): void {
  const promiseConstructor = Promise as unknown as { withResolvers?: unknown };
  if (typeof promiseConstructor.withResolvers === 'function') return;
  promiseConstructor.withResolvers = function withResolvers<T>() {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
