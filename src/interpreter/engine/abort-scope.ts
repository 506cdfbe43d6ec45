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
 * iteration). Children abort with their parent. Cheaper than AbortController on the hot path: a
 * child is one small object that reads its parent's state, and subscribes to the parent only
 * when something actually waits on it (a timer, a task), so synchronous iterations cost nothing.
 */
export class AbortScope {
  private own: Aborted | undefined;
  private listeners: Set<(reason: Aborted) => void> | undefined;
  private unlinkParent: (() => void) | undefined;

  constructor(private readonly parent?: AbortScope) {}

  get aborted(): boolean {
    return this.reason !== undefined;
  }

  get reason(): Aborted | undefined {
    return this.own ?? this.parent?.reason;
  }

  /** A scope that aborts when this one does (and can abort on its own). */
  child(): AbortScope {
    return new AbortScope(this);
  }

  abort(reason: Aborted): void {
    if (this.own) return;
    this.own = reason;
    this.unlinkParent?.();
    this.unlinkParent = undefined;
    const listeners = this.listeners;
    this.listeners = undefined;
    listeners?.forEach((listener) => listener(reason));
  }

  /** Registers `listener`; returns a function that unregisters it. */
  onAbort(listener: (reason: Aborted) => void): () => void {
    const reason = this.reason;
    if (reason) {
      listener(reason);
      return () => {};
    }
    if (!this.listeners) {
      this.listeners = new Set();
      if (this.parent) this.unlinkParent = this.parent.onAbort((r) => this.abort(r));
    }
    this.listeners.add(listener);
    return () => {
      const listeners = this.listeners;
      if (!listeners) return;
      listeners.delete(listener);
      if (listeners.size === 0) {
        // Nothing waits here any more: stop listening to the parent so finished children are freed.
        this.listeners = undefined;
        this.unlinkParent?.();
        this.unlinkParent = undefined;
      }
    };
  }

  /** Rejects with the abort reason if the scope aborts before `promise` settles. */
  race<T>(promise: Promise<T>, onAbort?: () => void): Promise<T> {
    const reason = this.reason;
    if (reason) {
      onAbort?.();
      return Promise.reject(reason);
    }
    return new Promise<T>((resolve, reject) => {
      const unsubscribe = this.onAbort((r) => {
        onAbort?.();
        reject(r);
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
