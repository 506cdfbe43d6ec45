import type { Json, WaitState } from '../../asl/types';
import { sleep } from '../clock/clock';
import { preparePath, MISSING } from '../jsonpath/evaluate-path';
import { queryEvaluationError, runtimeError } from '../errors';
import { StateScope } from '../engine/context-object';
import { StateRunner } from '../engine/state-runner';
import type { Frame, StateVisit } from '../engine/runtime';
import { prepareJsonataField, prepareStateDataFlow, evaluateJsonataField, jsonataBindings } from '../state-io';
import { withEvaluationLocation } from '../jsonata';
import type { StatePreparer } from './state-preparer';
import { parseWaitTimestamp } from './wait-time';
import { LIMITS } from '../../asl/limits';

/** When the wait ends: a delay in seconds or an absolute time (epoch ms). */
type WaitUntil = { seconds: number } | { at: number };
type ResolveWait = (effective: Json, frame: Frame, visit: StateVisit) => WaitUntil | Promise<WaitUntil>;

/** Wait: sleeps on the execution's clock, then passes its effective input on. */
export const prepareWaitState: StatePreparer<WaitState> = (state, { name, queryLanguage }) => {
  const resolve = queryLanguage === 'JSONata' ? prepareJsonataWait(state) : prepareJsonPathWait(state);
  return new StateRunner({
    name,
    type: 'Wait',
    queryLanguage,
    flow: prepareStateDataFlow(state, queryLanguage),
    work: (effective, frame, visit) => {
      const until = resolve(effective, frame, visit);
      return until instanceof Promise
        ? until.then((u) => waitThenPass(u, effective, frame))
        : waitThenPass(until, effective, frame);
    },
    checkOutputSize: false,
    exits: true,
  });
};

function waitThenPass(until: WaitUntil, effective: Json, frame: Frame): Json | Promise<Json> {
  const { clock, stateMachineType } = frame.runtime;
  const delayMs = 'seconds' in until ? until.seconds * 1000 : until.at - clock.now();
  if ('seconds' in until && (until.seconds > LIMITS.maxSeconds || until.seconds > LIMITS.executionSeconds[stateMachineType])) {
    throw runtimeError('Wait state delay is too long');
  }
  if (delayMs <= 0) return effective;
  const { done, timer } = sleep(clock, delayMs);
  return frame.abort.race(done, () => timer.cancel()).then(() => effective);
}

function prepareJsonPathWait(state: WaitState): ResolveWait {
  if (typeof state.Seconds === 'number') {
    const seconds = state.Seconds;
    return () => ({ seconds });
  }
  if (typeof state.Timestamp === 'string') {
    const text = state.Timestamp;
    return () => ({ at: timestampOrThrow(text, () => runtimeError(`The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${text}`)) });
  }
  if (state.SecondsPath !== undefined) {
    const path = state.SecondsPath;
    const read = preparePath(path);
    return (effective, frame, visit) => {
      const value = read(new StateScope(effective, frame, visit));
      if (value === MISSING) throw runtimeError(`The SecondsPath parameter does not reference an input value: ${path}`);
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        throw runtimeError(`The SecondsPath parameter cannot be parsed as a long value: ${path} == ${render(value)}`);
      }
      if (value < 0) throw runtimeError(`The SecondsPath parameter references a negative value: ${path} == ${value}`);
      return { seconds: value };
    };
  }
  if (state.TimestampPath !== undefined) {
    const path = state.TimestampPath;
    const read = preparePath(path);
    return (effective, frame, visit) => {
      const value = read(new StateScope(effective, frame, visit));
      if (value === MISSING) throw runtimeError(`The TimestampPath parameter does not reference an input value: ${path}`);
      const at = typeof value === 'string' ? parseWaitTimestamp(value) : undefined;
      if (at === undefined) {
        throw runtimeError(
          `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${path} == ${render(value)}`,
        );
      }
      return { at };
    };
  }
  return () => ({ seconds: 0 });
}

function prepareJsonataWait(state: WaitState): ResolveWait {
  if (state.Seconds !== undefined) {
    const field = prepareJsonataField(state.Seconds, 'Seconds');
    const source = state.Seconds;
    return (_effective, frame, visit) => {
      const value = evaluateJsonataField(field, () => jsonataBindings(frame, visit, _effective));
      const check = (v: Json): WaitUntil => {
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
          throw withEvaluationLocation(
            queryEvaluationError(
              `The JSONata expression '${String(source)}' specified for the field 'Seconds' returned an unexpected result type. Expected 'integer', but was '${typeName(v)}' for value: ${JSON.stringify(v)}`,
            ),
            'Seconds',
          );
        }
        return { seconds: v };
      };
      return value instanceof Promise ? value.then(check) : check(value);
    };
  }
  if (state.Timestamp !== undefined) {
    const field = prepareJsonataField(state.Timestamp, 'Timestamp');
    return (_effective, frame, visit) => {
      const value = evaluateJsonataField(field, () => jsonataBindings(frame, visit, _effective));
      const check = (v: Json): WaitUntil => ({
        at: timestampOrThrow(v, () =>
          withEvaluationLocation(
            queryEvaluationError(`The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${render(v)}`),
            'Timestamp',
          ),
        ),
      });
      return value instanceof Promise ? value.then(check) : check(value);
    };
  }
  return () => ({ seconds: 0 });
}

function timestampOrThrow(value: Json, error: () => Error): number {
  const at = typeof value === 'string' ? parseWaitTimestamp(value) : undefined;
  if (at === undefined) throw error();
  return at;
}

function render(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function typeName(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
