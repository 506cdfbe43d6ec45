import { describe, expect, it } from 'vitest';
import { RealClock, VirtualClock } from '../../src/interpreter';
import { sleep } from '../../src/interpreter/clock/clock';
import { formatTimestamp, parseStartTime } from '../../src/interpreter/clock/timestamp';

describe('VirtualClock', () => {
  it('fires timers in deadline order, jumping time only when idle', async () => {
    const clock = new VirtualClock(Date.parse('2024-01-01T00:00:00Z'));
    const fired: string[] = [];
    clock.setTimer(3000, () => fired.push(`c@${formatTimestamp(clock.now())}`));
    clock.setTimer(1000, () => fired.push(`a@${formatTimestamp(clock.now())}`));
    clock.setTimer(1000, () => fired.push(`b@${formatTimestamp(clock.now())}`));
    expect(clock.now()).toBe(Date.parse('2024-01-01T00:00:00Z'));
    await sleep(clock, 5000).done;
    expect(fired).toEqual(['a@2024-01-01T00:00:01.000Z', 'b@2024-01-01T00:00:01.000Z', 'c@2024-01-01T00:00:03.000Z']);
    expect(formatTimestamp(clock.now())).toBe('2024-01-01T00:00:05.000Z');
  });

  it('runs a one-year wait without waiting', async () => {
    const clock = new VirtualClock(0);
    await sleep(clock, 365 * 24 * 3600 * 1000).done;
    expect(clock.now()).toBe(365 * 24 * 3600 * 1000);
  });

  it('does not fire cancelled timers and lets pending work finish before time moves', async () => {
    const clock = new VirtualClock(0);
    const log: string[] = [];
    const t = clock.setTimer(10, () => log.push('cancelled'));
    t.cancel();
    clock.setTimer(20, () => log.push(`timer at ${clock.now()}`));
    await Promise.resolve().then(() => log.push(`microtask at ${clock.now()}`));
    await sleep(clock, 30).done;
    expect(log).toEqual(['microtask at 0', 'timer at 20']);
  });
});

describe('RealClock', () => {
  it('fires after a real delay', async () => {
    const clock = new RealClock();
    const start = clock.now();
    await sleep(clock, 5).done;
    expect(clock.now()).toBeGreaterThanOrEqual(start);
  });
});

describe('start time', () => {
  it('accepts ISO text, dates and epoch ms, and explains bad values', () => {
    expect(parseStartTime('2024-01-01T00:00:00Z')).toBe(Date.parse('2024-01-01T00:00:00Z'));
    expect(parseStartTime(new Date(5))).toBe(5);
    expect(parseStartTime(7)).toBe(7);
    expect(() => parseStartTime('yesterday')).toThrow(/Invalid startTime 'yesterday'/);
  });
});
