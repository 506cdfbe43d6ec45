import type { Clock, Timer } from './clock';

// Node's setTimeout overflows above 2^31-1 ms (~24.8 days) and fires at once; chain shorter waits.
const MAX_TIMEOUT_MS = 2_147_483_647;

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
    const deadline = Date.now() + Math.max(0, delayMs);
    let handle: ReturnType<typeof setTimeout>;
    const arm = () => {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return fire();
      handle = setTimeout(arm, Math.min(remaining, MAX_TIMEOUT_MS));
    };
    handle = setTimeout(arm, Math.min(Math.max(0, delayMs), MAX_TIMEOUT_MS));
    return { cancel: () => clearTimeout(handle) };
  }
}
