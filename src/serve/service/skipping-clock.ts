import type { Clock, Timer } from '../../interpreter/clock/clock';
import { MAX_TIMEOUT_MS, wallTimer } from '../../interpreter/clock/real-clock';


/** The server's clock: the interpreter's, plus `tick()`, called as each request arrives and after it is answered. */
export interface ServeClock extends Clock {
  tick(): void;
}

class SkippingTimer implements Timer {
  cancelled = false;
  constructor(
    readonly at: number,
    readonly seq: number,
    readonly fire: () => void,
  ) {}
  cancel(): void {
    this.cancelled = true;
  }
}

/**
 * `statecraft serve --clock virtual`: time skips ahead to the next timer (a Wait, a retry
 * backoff, a timeout) whenever the process is idle and no execution waits on a party outside the
 * process; while one does (an open task token: a client's SendTask*, an activity worker), time
 * runs at the wall clock's pace, so HeartbeatSeconds and TimeoutSeconds mean what they mean on
 * AWS (a client that stops heartbeating times out). Skipping then would jump to the waiting
 * task's timeout (or the execution's one-year limit) and end it before the client could answer;
 * standing still instead would let a forgotten token block its timeouts forever.
 *
 * Like {@link SteppedClock}, time moves in steps (to a timer's exact deadline when it fires, to
 * the paced wall time when a request arrives), so one burst of work carries one timestamp and a
 * replay after a restart reproduces it. A mock or real endpoint call in flight holds time still
 * ({@link hold}), as on the interpreter's own virtual clock.
 *
 * @example
 * const clock = new SkippingClock(() => interpreter.callbacks.pending().length > 0);
 * clock.setTimer(3_600_000, done); // fires at the next idle turn, now() an hour on
 */
export class SkippingClock implements ServeClock {
  private current: number;
  private readonly timers: SkippingTimer[] = [];
  private nextSeq = 0;
  private holds = 0;
  private checkPending = false;
  /** Set while an outside party is awaited: time is `virtual + (wall now - wall)`. */
  private paced: { virtual: number; wall: number } | undefined;
  private realTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** True while some execution waits on a party outside the process. */
    private readonly waitingOnOutside: () => boolean,
    startMs: number = Date.now(),
  ) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  /** A request arrived or was answered: catch up with paced time, and look again at what time may do. */
  tick(): void {
    if (this.paced) {
      // Never past a timer that is due but has not fired yet: it fires at its exact deadline first.
      const next = this.earliest();
      this.current = Math.max(this.current, Math.min(this.pacedNow(), next ? next.at : Infinity));
    }
    this.scheduleCheck();
  }

  setTimer(delayMs: number, fire: () => void): Timer {
    const timer = new SkippingTimer(this.current + Math.max(0, delayMs), this.nextSeq++, fire);
    this.timers.push(timer);
    this.scheduleCheck();
    return timer;
  }

  setWallTimer(delayMs: number, fire: () => void): Timer {
    return wallTimer(Date.now() + Math.max(0, delayMs), fire);
  }

  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.holds === 0) this.scheduleCheck();
    };
  }

  private pacedNow(): number {
    return this.paced!.virtual + (Date.now() - this.paced!.wall);
  }

  private scheduleCheck(): void {
    if (this.checkPending) return;
    this.checkPending = true;
    // setImmediate runs after every pending promise continuation: all work due now is done first.
    setImmediate(() => {
      this.checkPending = false;
      this.check();
    });
  }

  /** The live timer due first (ties: the one set first); cancelled ones are dropped on the way. */
  private earliest(): SkippingTimer | undefined {
    let best: SkippingTimer | undefined;
    let live = 0;
    for (const timer of this.timers) {
      if (timer.cancelled) continue;
      this.timers[live++] = timer;
      if (!best || timer.at < best.at || (timer.at === best.at && timer.seq < best.seq)) best = timer;
    }
    this.timers.length = live;
    return best;
  }

  private check(): void {
    if (this.realTimer !== undefined) clearTimeout(this.realTimer);
    this.realTimer = undefined;
    if (this.holds > 0) return;
    const outside = this.waitingOnOutside();
    if (outside && !this.paced) this.paced = { virtual: this.current, wall: Date.now() };
    const next = this.earliest();
    if (!outside && this.paced) {
      this.current = Math.max(this.current, Math.min(this.pacedNow(), next ? next.at : Infinity));
      this.paced = undefined;
    }
    if (!next) return;
    if (this.paced) {
      const due = next.at - this.pacedNow();
      if (due > 0) {
        this.realTimer = setTimeout(() => this.scheduleCheck(), Math.min(due, MAX_TIMEOUT_MS));
        return;
      }
    }
    this.timers.splice(this.timers.indexOf(next), 1);
    if (next.at > this.current) this.current = next.at;
    // One timer per idle turn: what it sets off settles before time moves again.
    this.scheduleCheck();
    next.fire();
  }
}
