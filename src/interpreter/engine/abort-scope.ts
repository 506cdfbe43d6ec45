/**
 * Why running work stopped from outside: the execution was stopped or timed out, or a sibling
 * branch/iteration failed. Not a {@link StatesError}: Retry and Catch never see it.
 */
export class Aborted extends Error {
  constructor(readonly why: string) {
    super(why);
    this.name = 'Aborted';
  }
}

/**
 * Cancellation for a branch of an execution (the execution itself, a Parallel branch, a Map
 * iteration). Children abort with their parent. Cheaper than AbortController on the hot path:
 * the step loop only reads `aborted`.
 */
export class AbortScope {
  aborted = false;
  reason: Aborted | undefined;
  private listeners: Set<(reason: Aborted) => void> | undefined;

  /** A scope that aborts when this one does (and can abort on its own). */
  child(): AbortScope {
    const child = new AbortScope();
    if (this.aborted) child.abort(this.reason!);
    else {
      const unsubscribe = this.onAbort((reason) => child.abort(reason));
      child.onAbort(unsubscribe);
    }
    return child;
  }

  abort(reason: Aborted): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listeners = this.listeners;
    this.listeners = undefined;
    listeners?.forEach((listener) => listener(reason));
  }

  /** Registers `listener`; returns a function that unregisters it. */
  onAbort(listener: (reason: Aborted) => void): () => void {
    if (this.aborted) {
      listener(this.reason!);
      return () => {};
    }
    (this.listeners ??= new Set()).add(listener);
    return () => this.listeners?.delete(listener);
  }

  /** Rejects with the abort reason if the scope aborts before `promise` settles. */
  race<T>(promise: Promise<T>, onAbort?: () => void): Promise<T> {
    if (this.aborted) {
      onAbort?.();
      return Promise.reject(this.reason);
    }
    return new Promise<T>((resolve, reject) => {
      const unsubscribe = this.onAbort((reason) => {
        onAbort?.();
        reject(reason);
      });
      promise.then(
        (value) => {
          unsubscribe();
          resolve(value);
        },
        (error) => {
          unsubscribe();
          reject(error);
        },
      );
    });
  }
}
