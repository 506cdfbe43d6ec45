import type { Json } from '../../asl/types';
import { preparePath, MISSING } from '../jsonpath/evaluate-path';
import { queryEvaluationError, runtimeError } from '../errors';
import { StateScope } from '../engine/context-object';
import type { Frame, StateVisit } from '../engine/runtime';
import { withEvaluationLocation } from '../jsonata';
import { prepareJsonataField, evaluateJsonataField, jsonataBindings } from './jsonata-field';

export type ResolveNumber = (input: Json, frame: Frame, visit: StateVisit) => number | undefined | Promise<number | undefined>;

/** What a numeric setting accepts, and how AWS words a bad `...Path` value for it. */
export interface NumericSettingRule {
  /** The type AWS names when a JSONata result is wrong. */
  expected: 'integer' | 'number';
  /** Range check on top of the type (e.g. timeouts must be ≥ 1). */
  inRange(value: number): boolean;
  /** The number a `...Path` value stands for, or `undefined` when AWS rejects it. */
  fromPath(value: Json): number | undefined;
  missingPath(field: string, path: string): string;
  invalidPath(field: string, path: string, value: Json): string;
}

/**
 * A numeric setting given as a literal, a `...Path` (JSONPath) or a JSONata string: Task
 * `TimeoutSeconds`/`HeartbeatSeconds`, Map `MaxConcurrency`, tolerated failures, `MaxItems`,
 * batch limits. A bad JSONata result is `States.QueryEvaluationError` (with its location); a bad
 * path value is `States.Runtime`, worded by the rule as AWS words it for that field.
 */
export function prepareNumericSetting(
  literal: number | string | undefined,
  path: string | undefined,
  field: string,
  jsonata: boolean,
  rule: NumericSettingRule,
): ResolveNumber {
  if (typeof literal === 'number') return () => literal;
  if (typeof literal === 'string' && jsonata) {
    const prepared = prepareJsonataField(literal, field);
    const check = (value: Json): number => {
      const typed = typeof value === 'number' && (rule.expected === 'number' || Number.isInteger(value));
      if (!typed || !rule.inRange(value)) {
        throw withEvaluationLocation(
          queryEvaluationError(
            `The JSONata expression '${literal}' specified for the field '${field}' returned an unexpected result type. Expected '${rule.expected}', but was '${JSON.stringify(value)}'`,
          ),
          field,
        );
      }
      return value;
    };
    return (input, frame, visit) => {
      const value = evaluateJsonataField(prepared, () => jsonataBindings(frame, visit, input));
      return value instanceof Promise ? value.then(check) : check(value);
    };
  }
  if (path !== undefined) {
    const read = preparePath(path);
    return (input, frame, visit) => {
      const value = read(new StateScope(input, frame, visit));
      if (value === MISSING) throw runtimeError(rule.missingPath(field, path));
      const number = rule.fromPath(value);
      if (number === undefined) throw runtimeError(rule.invalidPath(field, path, value));
      return number;
    };
  }
  return () => undefined;
}
