import { Interpreter, type Execution, type StepFunctionsApiErrorName } from '../../../src/interpreter';

export const START = Date.parse('2024-01-01T00:00:00Z');

export function newInterpreter(): Interpreter {
  return new Interpreter({ startTime: START, seed: 7 });
}

export function eventTypes(execution: Execution): string[] {
  return execution.history().map((e) => String(e.type));
}

/** Seconds since START at which the first event of `type` was recorded. */
export function secondsAt(execution: Execution, type: string, nth = 0): number {
  const event = execution.history().filter((e) => e.type === type)[nth];
  if (!event) throw new Error(`no ${type} event #${nth} in ${eventTypes(execution).join(', ')}`);
  return (event.timestamp!.getTime() - START) / 1000;
}

/** The AWS error name an API call throws. */
export function apiErrorOf(call: () => unknown): StepFunctionsApiErrorName | string {
  try {
    call();
  } catch (error) {
    return (error as Error).name;
  }
  return 'no error';
}

/** Lets every pending microtask run without letting the virtual clock move. */
export function settle(): Promise<void> {
  return new Promise((resolve) => queueMicrotask(resolve));
}
