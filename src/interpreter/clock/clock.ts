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
  /**
   * Keeps time from moving until the returned release is called (idempotent). The interpreter
   * holds the clock while a mock, callback answer or activity handler it waits on is still
   * working (an async mock awaiting a real timer, file or network call): a mock takes no virtual
   * time. Clocks that follow real time need not implement it.
   */
  hold?(): () => void;
  /**
   * A timer on the wall clock, whatever pace this clock keeps: for a client's patience (the
   * 60 s long poll of `GetActivityTask`), which is not workflow time. A clock that skips ahead
   * (`statecraft serve --clock virtual`) would otherwise end every long poll at once and set
   * polling workers spinning. Clocks without it use {@link Clock.setTimer}.
   */
  setWallTimer?(delayMs: number, fire: () => void): Timer;
}

/** A scheduled callback on a {@link Clock}; `cancel()` releases it. */
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
