/**
 * The time source of an execution. Every time value an execution sees (`$$.Execution.StartTime`,
 * `$$.State.EnteredTime`, history timestamps, Wait deadlines, task timeouts) comes from here, so a
 * virtual clock makes a one-year Wait instantaneous and deterministic.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Calls `fire` once `delayMs` have passed on this clock; `cancel()` prevents it. */
  setTimer(delayMs: number, fire: () => void): Timer;
}

export interface Timer {
  cancel(): void;
}

/** A promise that resolves after `delayMs` on `clock`, plus a way to cancel it (the promise then never settles). */
export function sleep(clock: Clock, delayMs: number): { done: Promise<void>; timer: Timer } {
  let timer!: Timer;
  const done = new Promise<void>((resolve) => {
    timer = clock.setTimer(delayMs, resolve);
  });
  return { done, timer };
}
