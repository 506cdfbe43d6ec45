import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/interpreter';
import { sleep } from '../../../src/interpreter/clock/clock';

describe('VirtualClock cancellation', () => {
  it('keeps deadline order among the live timers after many cancellations (the heap is compacted)', async () => {
    const clock = new VirtualClock(0);
    const fired: number[] = [];
    // Many executions run back to back without the loop going idle, each cancelling its timeout.
    const live = [50, 10, 40, 20, 30];
    for (let i = 0; i < 1000; i++) {
      clock.setTimer(1_000_000 + i, () => fired.push(-1)).cancel();
      if (i % 200 === 0) {
        const at = live[i / 200];
        clock.setTimer(at, () => fired.push(at));
      }
    }
    expect(clock.pendingTimers).toBe(5);
    await sleep(clock, 100).done;
    expect(fired).toEqual([10, 20, 30, 40, 50]);
    expect(clock.now()).toBe(100);
  });

  it('ignores cancelling a timer twice or after it fired', async () => {
    const clock = new VirtualClock(0);
    const fired: string[] = [];
    const once = clock.setTimer(5, () => fired.push('once'));
    await sleep(clock, 10).done;
    once.cancel();
    const twice = clock.setTimer(5, () => fired.push('never'));
    twice.cancel();
    twice.cancel();
    clock.setTimer(5, () => fired.push('later'));
    await sleep(clock, 10).done;
    expect(fired).toEqual(['once', 'later']);
    expect(clock.pendingTimers).toBe(0);
  });
});
