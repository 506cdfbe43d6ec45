import type { Clock, Timer } from './clock';

/** A timer in the heap; a class (not a literal with a closure) so creating one stays cheap. */
class ScheduledTimer implements Timer {
  cancelled = false;
  /** Still in the heap (not yet popped). */
  queued = true;

  constructor(
    readonly at: number,
    readonly seq: number,
    public fire: () => void,
    private readonly clock: VirtualClock,
  ) {}

  cancel(): void {
    this.clock.cancelTimer(this);
  }
}

const NOTHING = (): void => {};
/** Compaction only pays off once enough cancelled timers have piled up. */
const COMPACT_AFTER = 64;

/**
 * A simulated clock: time stands still while work is pending and jumps to the earliest timer when
 * the process is otherwise idle. Idleness is detected with `setImmediate`, which runs only after
 * every pending microtask (promise continuation), so all work that can happen "now" happens before
 * time moves. Timers fire one per idle turn, in deadline order (ties in creation order).
 *
 * Work that waits on real I/O (an async mock awaiting a timer, a file or a real service) would
 * leave the process idle without being done, so the interpreter {@link hold}s the clock while such
 * work is in flight: time moves only once every mock it waits on has answered.
 *
 * @example
 * const clock = new VirtualClock(Date.parse('2024-01-01T00:00:00Z'));
 * clock.setTimer(365 * 24 * 3600_000, () => console.log(new Date(clock.now()).toISOString()));
 * // prints 2024-12-31T00:00:00.000Z within microseconds
 */
export class VirtualClock implements Clock {
  private current: number;
  private readonly heap: ScheduledTimer[] = [];
  private nextSeq = 0;
  private idleCheckPending = false;
  /** Cancelled timers still in the heap (removed lazily, or all at once when they pile up). */
  private cancelledInHeap = 0;
  /** Work in flight that time must wait for (see {@link hold}). */
  private holds = 0;

  constructor(startMs: number = Date.now()) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  setTimer(delayMs: number, fire: () => void): Timer {
    const timer = new ScheduledTimer(this.current + Math.max(0, delayMs), this.nextSeq++, fire, this);
    push(this.heap, timer);
    this.scheduleIdleCheck();
    return timer;
  }

  /**
   * Called by {@link ScheduledTimer.cancel} (not part of the Clock interface). A cancelled timer
   * lets go of its callback at once: many executions run back to back without the event loop ever
   * going idle, and each cancels a far-off timeout whose callback holds the whole execution
   * (history included); kept until popped, they would pile up unboundedly.
   */
  cancelTimer(timer: ScheduledTimer): void {
    if (timer.cancelled) return;
    timer.cancelled = true;
    timer.fire = NOTHING;
    if (!timer.queued) return;
    if (++this.cancelledInHeap > COMPACT_AFTER && this.cancelledInHeap * 2 > this.heap.length) this.compact();
  }

  /** Drops every cancelled timer; a sorted array is a valid heap. */
  private compact(): void {
    const live = this.heap.filter((t) => !t.cancelled).sort((a, b) => (before(a, b) ? -1 : 1));
    for (const t of this.heap) if (t.cancelled) t.queued = false;
    for (let i = 0; i < live.length; i++) this.heap[i] = live[i];
    this.heap.length = live.length;
    this.cancelledInHeap = 0;
  }

  /**
   * Stops time until the returned release is called (calling it again does nothing). While any
   * hold is open no timer fires, however long the process stays idle.
   *
   * @example
   * const release = clock.hold();
   * await fetch(url); // the clock stands still meanwhile
   * release();
   */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.holds === 0 && this.heap.length > 0) this.scheduleIdleCheck();
    };
  }

  /** Number of timers still waiting (cancelled ones excluded). */
  get pendingTimers(): number {
    return this.heap.filter((t) => !t.cancelled).length;
  }

  private scheduleIdleCheck(): void {
    if (this.idleCheckPending) return;
    this.idleCheckPending = true;
    setImmediate(() => {
      this.idleCheckPending = false;
      this.fireEarliest();
    });
  }

  private popTimer(): ScheduledTimer | undefined {
    const timer = pop(this.heap);
    if (timer) {
      timer.queued = false;
      if (timer.cancelled) this.cancelledInHeap--;
    }
    return timer;
  }

  private fireEarliest(): void {
    // The last release schedules the next check.
    if (this.holds > 0) return;
    let timer = this.popTimer();
    while (timer && timer.cancelled) timer = this.popTimer();
    if (!timer) return;
    if (timer.at > this.current) this.current = timer.at;
    if (this.heap.length > 0) this.scheduleIdleCheck();
    timer.fire();
  }
}

function before(a: ScheduledTimer, b: ScheduledTimer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

function push(heap: ScheduledTimer[], timer: ScheduledTimer): void {
  heap.push(timer);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i], heap[parent])) break;
    [heap[i], heap[parent]] = [heap[parent], heap[i]];
    i = parent;
  }
}

function pop(heap: ScheduledTimer[]): ScheduledTimer | undefined {
  if (heap.length === 0) return undefined;
  const top = heap[0];
  const last = heap.pop()!;
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < heap.length && before(heap[l], heap[smallest])) smallest = l;
      if (r < heap.length && before(heap[r], heap[smallest])) smallest = r;
      if (smallest === i) break;
      [heap[i], heap[smallest]] = [heap[smallest], heap[i]];
      i = smallest;
    }
  }
  return top;
}
