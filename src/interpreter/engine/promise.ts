/** True for a native promise; the step loop awaits only then, so synchronous states stay synchronous. */
export function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return value instanceof Promise;
}

/** Applies `next` to a value that may be a promise, staying synchronous when it is not. */
export function then<T, U>(value: T | Promise<T>, next: (v: T) => U | Promise<U>): U | Promise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}
