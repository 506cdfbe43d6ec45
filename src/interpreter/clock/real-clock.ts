import type { Clock, Timer } from './clock';

// Node's setTimeout overflows above 2^31-1 ms (~24.8 days) and fires at once; chain shorter waits.
export const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * A timer that fires once the wall clock reaches `deadlineMs` (epoch ms), however far away: waits
 * longer than Node's setTimeout allows are chained. Shared by every clock that waits on real time.
 *
 * @example
 * const timer = wallTimer(Date.now() + 40 * 24 * 3600_000, () => console.log('40 days later'));
 */
export function wallTimer(deadlineMs: number, fire: () => void): Timer {
  let handle: ReturnType<typeof setTimeout>;
  const arm = (): void => {
    const remaining = deadlineMs - Date.now();
    if (remaining <= 0) return fire();
    handle = setTimeout(arm, Math.min(remaining, MAX_TIMEOUT_MS));
  };
  handle = setTimeout(arm, Math.min(Math.max(0, deadlineMs - Date.now()), MAX_TIMEOUT_MS));
  return { cancel: () => clearTimeout(handle) };
}

/**
 * Wall-clock time: Waits and timeouts really wait. Use it when mocks call real services.
 *
 * Time is read once per burst of work (until the event loop turns), and a timer's work happens at
 * its deadline: a snapshot's replay records each burst at one time and fires timers on time, so a
 * free-running clock (events of one burst a millisecond apart, timers a little late) made
 * resuming a snapshot fail at random.
 *
 * @example
 * new Interpreter({ clock: 'real' });
 */
export class RealClock implements Clock {
  private instant: number | undefined;
  /** The latest time handed out: time never goes back (a late timer's deadline may lie before it). */
  private latest = 0;

  now(): number {
    if (this.instant === undefined) this.startInstant(Date.now());
    return this.instant!;
  }

  setTimer(delayMs: number, fire: () => void): Timer {
    const deadline = this.now() + Math.max(0, delayMs);
    return wallTimer(deadline, () => {
      this.startInstant(deadline);
      fire();
    });
  }

  private startInstant(at: number): void {
    this.instant = this.latest = Math.max(at, this.latest);
    setImmediate(() => (this.instant = undefined));
  }
}
