import type { Timer } from '../../interpreter/clock/clock';
import { wallTimer } from '../../interpreter/clock/real-clock';
import type { ServeClock } from './skipping-clock';

/**
 * Wall-clock time that moves in steps: to the wall clock when a request arrives (`tick`), and to
 * a timer's exact deadline when it fires. Between steps time stands still, so every event of one
 * burst of work carries one timestamp and a timer fires at exactly its deadline — which is what a
 * replay after a restart reproduces (a free-running clock would put events a millisecond apart
 * that the replay puts together, and fire timers a little late that the replay fires on time).
 *
 * @example
 * const clock = new SteppedClock();
 * clock.tick();                    // a request arrived: now() is the wall clock's time
 * clock.setTimer(1000, () => {});  // fires about a second later, with now() exactly 1000 ms on
 */
export class SteppedClock implements ServeClock {
  private current = Date.now();
  /** Deadlines of the timers that have not fired (or been cancelled) yet. */
  private readonly pending = new Set<{ deadline: number }>();

  now(): number {
    return this.current;
  }

  /**
   * Moves to the wall clock's time (never backwards), but not past a timer that is due and has not
   * fired yet: a request that arrives while its setTimeout is late must not push the timer's work
   * after its deadline (it fires at the deadline, as a replay fires it).
   */
  tick(): void {
    let target = Date.now();
    for (const { deadline } of this.pending) if (deadline < target) target = deadline;
    if (target > this.current) this.current = target;
  }

  setTimer(delayMs: number, fire: () => void): Timer {
    const deadline = this.current + Math.max(0, delayMs);
    const entry = { deadline };
    this.pending.add(entry);
    const release = () => this.pending.delete(entry);
    // The timer fires at its exact deadline: time moves there, not to whenever setTimeout ran.
    const timer = wallTimer(deadline, () => {
      release();
      if (deadline > this.current) this.current = deadline;
      fire();
    });
    return {
      cancel: () => {
        release();
        timer.cancel();
      },
    };
  }
}
