import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/asl/types';
import type { Clock } from '../../../src/interpreter/clock/clock';
import { eventKindCode, EventShape, ExecutionHistory, type RecordedDetails, type RecordedEvent } from '../../../src/interpreter/history';
import type { HistoryEventType } from '../../../src/interpreter/history';

/** A clock the test moves by hand. */
function manualClock(start: number): Clock & { now(): number; set(ms: number): void } {
  let current = start;
  return {
    now: () => current,
    set: (ms: number) => {
      current = ms;
    },
    setTimer: () => ({ cancel: () => {} }),
  };
}

/** A small deterministic generator, so a failure can be replayed. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('ExecutionHistory (compact encoding)', () => {
  it('gives back exactly what was recorded, across chunk sizes, repeated references, jumps in previous ids, time changes and kinds outside the window', () => {
    const random = lcg(7);
    const clock = manualClock(Date.parse('2024-01-01T00:00:00Z'));
    const history = new ExecutionHistory(clock, null);
    // Kinds interned far apart (as when many definitions are prepared in one process) exercise the escape path.
    const kinds = Array.from({ length: 200 }, (_, i) => {
      const shape = ([EventShape.Entered, EventShape.Exited, EventShape.Iteration] as const)[i % 3];
      const type = (['PassStateEntered', 'PassStateExited', 'MapIterationStarted'] as const)[i % 3];
      return { code: eventKindCode(type, shape, `State ${i} of the compact history test`), type, shape, name: `State ${i} of the compact history test` };
    });
    const shared: Json = { shared: true };
    const expected: RecordedEvent[] = [];
    for (let id = 1; id <= 5000; id++) {
      if (random() < 0.05) clock.set(clock.now() + Math.floor(random() * 1e10));
      const previousEventId = random() < 0.7 ? id - 1 : Math.floor(random() * id);
      const timestamp = clock.now();
      const choice = random();
      if (choice < 0.15) {
        const type: HistoryEventType = random() < 0.5 ? 'MapStateStarted' : 'ParallelStateStarted';
        const details: RecordedDetails | undefined = type === 'MapStateStarted' ? { length: id } : undefined;
        expect(history.add(type, previousEventId, details)).toBe(id);
        expected.push(details === undefined ? { id, previousEventId, timestamp, type } : { id, previousEventId, timestamp, type, details });
        continue;
      }
      const kind = kinds[random() < 0.8 ? Math.floor(random() * 6) : Math.floor(random() * kinds.length)];
      const reference: Json = kind.shape === EventShape.Iteration ? id : random() < 0.5 ? shared : { n: id };
      const assigned = kind.shape === EventShape.Exited && random() < 0.2 ? { v: id } : undefined;
      expect(history.addCompact(kind.code, previousEventId, reference, assigned)).toBe(id);
      const details: RecordedDetails =
        kind.shape === EventShape.Entered
          ? { name: kind.name, input: reference }
          : kind.shape === EventShape.Exited
            ? { name: kind.name, output: reference, ...(assigned ? { assignedVariables: assigned } : {}) }
            : { name: kind.name, index: reference as number };
      expected.push({ id, previousEventId, timestamp, type: kind.type, details });
    }
    const recorded = history.recordedEvents();
    expect(recorded).toEqual(expected);
    // References are kept, not copied.
    const sharedEvent = expected.findIndex((e) => e.details?.input === shared || e.details?.output === shared);
    const details = recorded[sharedEvent].details!;
    expect(details.input ?? details.output).toBe(shared);
    expect(history.events()).toHaveLength(5000);
  });

  it('numbers but does not keep events when told not to, and refuses events past the limit', () => {
    const clock = manualClock(0);
    const kind = eventKindCode('PassStateEntered', EventShape.Entered, 'P');
    const unkept = new ExecutionHistory(clock, null, false);
    expect(unkept.add('ExecutionStarted', 0, { input: {} })).toBe(1);
    expect(unkept.addCompact(kind, 1, {})).toBe(2);
    expect(unkept.recordedEvents()).toEqual([]);

    // The last id of the limit is kept for the execution's end event.
    const limited = new ExecutionHistory(clock, 3);
    limited.add('ExecutionStarted', 0);
    limited.addCompact(kind, 1, {});
    expect(() => limited.addCompact(kind, 2, {})).toThrow('The execution history reached the limit of 3 events.');
    expect(() => limited.addCompact(kind, 2, {})).toThrow('The execution history reached the limit of 3 events.');
    expect(limited.add('ExecutionFailed', limited.lastEventId, { error: 'States.Runtime' })).toBe(5);
    // The refused events' ids stay unused: the end event keeps the id it was given.
    expect(limited.recordedEvents().map(({ id, previousEventId, type }) => [id, previousEventId, type])).toEqual([
      [1, 0, 'ExecutionStarted'],
      [2, 1, 'PassStateEntered'],
      [5, 4, 'ExecutionFailed'],
    ]);
  });
});
