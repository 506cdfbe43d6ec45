import type { Clock, Timer } from './clock';

interface ScheduledTimer extends Timer {
  at: number;
  seq: number;
  fire: () => void;
  cancelled: boolean;
}

/**
 * A simulated clock: time stands still while work is pending and jumps to the earliest timer when
 * the process is otherwise idle. Idleness is detected with `setImmediate`, which runs only after
 * every pending microtask (promise continuation), so all work that can happen "now" happens before
 * time moves. Timers fire one per idle turn, in deadline order (ties in creation order).
 *
 * Work that waits on real I/O (a mock that calls a real service) does not hold the clock: use
 * {@link RealClock} for that.
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

  constructor(startMs: number = Date.now()) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  setTimer(delayMs: number, fire: () => void): Timer {
    const timer: ScheduledTimer = {
      at: this.current + Math.max(0, delayMs),
      seq: this.nextSeq++,
      fire,
      cancelled: false,
      cancel() {
        timer.cancelled = true;
      },
    };
    push(this.heap, timer);
    this.scheduleIdleCheck();
    return timer;
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

  private fireEarliest(): void {
    let timer = pop(this.heap);
    while (timer && timer.cancelled) timer = pop(this.heap);
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
