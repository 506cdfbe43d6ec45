import type { Clock, Timer } from '../clock/clock';

const NO_HOLD = (): void => {};

/** A timer set while replaying; re-armed on the interpreter's clock when the execution goes live. */
export class ReplayTimer implements Timer {
  cancelled = false;
  live: Timer | undefined;

  constructor(
    readonly at: number,
    readonly seq: number,
    readonly fire: () => void,
  ) {}

  cancel(): void {
    this.cancelled = true;
    this.live?.cancel();
  }
}

/**
 * The clock of an execution being resumed. While it replays, time is the replay's own and moves
 * only when the replay says so (to the next timer, or to when the next recorded answer arrived),
 * whatever else the interpreter runs meanwhile. Once caught up it hands its pending timers to the
 * interpreter's clock (same deadlines) and reads that clock from then on.
 */
export class ReplayClock implements Clock {
  private current: number;
  private timers: ReplayTimer[] = [];
  private nextSeq = 0;
  private live: Clock | undefined;

  constructor(startMs: number) {
    this.current = startMs;
  }

  now(): number {
    return this.live ? this.live.now() : this.current;
  }

  setTimer(delayMs: number, fire: () => void): Timer {
    if (this.live) return this.live.setTimer(delayMs, fire);
    const timer = new ReplayTimer(this.current + Math.max(0, delayMs), this.nextSeq++, fire);
    this.timers.push(timer);
    return timer;
  }

  /** While replaying, time moves only as the replay says; once live, the interpreter's clock decides. */
  hold(): () => void {
    return this.live?.hold?.() ?? NO_HOLD;
  }

  /** The timer due first (ties: the one set first), if any. */
  earliest(): ReplayTimer | undefined {
    this.timers = this.timers.filter((t) => !t.cancelled);
    let first: ReplayTimer | undefined;
    for (const t of this.timers) if (!first || t.at < first.at || (t.at === first.at && t.seq < first.seq)) first = t;
    return first;
  }

  /** Moves time to the timer's deadline and fires it. */
  fire(timer: ReplayTimer): void {
    this.timers = this.timers.filter((t) => t !== timer);
    this.advanceTo(timer.at);
    timer.fire();
  }

  /** Moves time forward (never back). */
  advanceTo(ms: number): void {
    if (ms > this.current) this.current = ms;
  }

  /** Hands the pending timers to `live`, in deadline order, keeping their deadlines. */
  goLive(live: Clock): void {
    const pending = this.timers.filter((t) => !t.cancelled).sort((a, b) => a.at - b.at || a.seq - b.seq);
    this.timers = [];
    this.live = live;
    for (const t of pending) t.live = live.setTimer(t.at - live.now(), t.fire);
  }
}
