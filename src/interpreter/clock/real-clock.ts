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
 * @example
 * new Interpreter({ clock: 'real' });
 */
export class RealClock implements Clock {
  now(): number {
    return Date.now();
  }

  setTimer(delayMs: number, fire: () => void): Timer {
    return wallTimer(Date.now() + Math.max(0, delayMs), fire);
  }
}
