import type { Json } from '../../asl/types';
import type { Clock } from '../clock/clock';
import type { TaskAnswer, TaskInvocation, TaskMock } from './task-mocks';

/**
 * Asks a mock for its answer (called on a microtask, as every answer arrives asynchronously on
 * AWS). A mock takes no virtual time: when it answers with a promise (an async mock awaiting a
 * real timer, a file or a network call) the clock is held until that promise settles, so no Wait,
 * timeout or execution limit fires meanwhile. Synchronous answers never touch the clock.
 */
export function callMock(clock: Clock, mock: TaskMock, input: Json, invocation: TaskInvocation): Promise<TaskAnswer> {
  return Promise.resolve().then(() => holdWhileWorking(clock, mock(input, invocation)));
}

/** Holds `clock` until `answer` settles when it is a promise; returns it unchanged. */
export function holdWhileWorking<T>(clock: Clock | undefined, answer: T | PromiseLike<T>): T | PromiseLike<T> {
  if (!isThenable(answer)) return answer;
  const release = clock?.hold?.();
  if (!release) return answer;
  return Promise.resolve(answer).then(
    (value) => {
      release();
      return value;
    },
    (thrown: unknown) => {
      release();
      throw thrown;
    },
  );
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
