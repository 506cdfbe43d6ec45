import type { Json } from '../../asl/types';
import { Aborted, AbortScope } from './abort-scope';

export interface ChildrenRun {
  count: number;
  /** At most this many children run at once (`Infinity` for no limit). */
  concurrency: number;
  parent: AbortScope;
  /** Starts child `index` under its own abort scope. */
  start(index: number, abort: AbortScope): Json | Promise<Json>;
  /**
   * Decides what a failed child means: `undefined` tolerates it (the others go on), anything else
   * is the error the whole run fails with. Default: fail with the child's own error.
   */
  onFailure?(index: number, error: unknown): unknown;
  /**
   * Receives a function that starts as many waiting children as `concurrency` now allows: a
   * Distributed Map's `concurrency` can grow while it runs (UpdateMapRun), and children waiting on
   * a callback would otherwise hold the new slots empty until one of them finished.
   */
  onStartMore?(startMore: () => void): void;
}

/**
 * Runs Parallel branches / Map iterations: results in index order, at most `concurrency` at
 * once, the first untolerated failure aborts the others (after they settle, so their abort events
 * are recorded) and is rethrown. Synchronous children complete inline, so a Map of Pass states
 * never creates a promise.
 */
export function runChildren(run: ChildrenRun): Json[] | Promise<Json[]> {
  const group = run.parent.child();
  const results = new Array<Json>(run.count);
  let next = 0;
  while (next < run.count) {
    const index = next++;
    let result: Json | Promise<Json>;
    try {
      result = run.start(index, group.child());
    } catch (error) {
      const failure = decide(run, index, error);
      if (failure === undefined) continue;
      group.abort(new Aborted('A sibling branch or iteration failed.'));
      throw failure;
    }
    if (result instanceof Promise) return continueAsync(run, group, results, next, index, result);
    results[index] = result;
  }
  return results;
}

function continueAsync(
  run: ChildrenRun,
  group: AbortScope,
  results: Json[],
  firstUnstarted: number,
  pendingIndex: number,
  pending: Promise<Json>,
): Promise<Json[]> {
  return new Promise<Json[]>((resolve, reject) => {
    let next = firstUnstarted;
    let inFlight = 0;
    let failure: { error: unknown } | undefined;

    const fail = (index: number, error: unknown) => {
      if (failure) return;
      const decided = decide(run, index, error);
      if (decided === undefined) return;
      failure = { error: decided };
      group.abort(new Aborted('A sibling branch or iteration failed.'));
    };
    const track = (index: number, promise: Promise<Json>) => {
      inFlight++;
      promise.then(
        (value) => {
          results[index] = value;
          inFlight--;
          pump();
        },
        (error) => {
          fail(index, error);
          inFlight--;
          pump();
        },
      );
    };
    const pump = () => {
      while (!failure && next < run.count && inFlight < run.concurrency) {
        const index = next++;
        try {
          const result = run.start(index, group.child());
          if (result instanceof Promise) track(index, result);
          else results[index] = result;
        } catch (error) {
          fail(index, error);
        }
      }
      if (inFlight === 0 && (failure || next >= run.count)) {
        if (failure) reject(failure.error);
        else resolve(results);
      }
    };
    track(pendingIndex, pending);
    run.onStartMore?.(() => {
      if (inFlight > 0) pump();
    });
    pump();
  });
}

function decide(run: ChildrenRun, index: number, error: unknown): unknown {
  if (error instanceof Aborted || !run.onFailure) return error;
  return run.onFailure(index, error);
}
