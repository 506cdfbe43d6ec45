import type { Json } from '../../../asl/types';
import { compilePath, MISSING } from '../../data/evaluate-path';
import { queryEvaluationError, runtimeError } from '../../errors';
import { StateScope } from '../../engine/context-object';
import type { Frame, StateVisit } from '../../engine/runtime';
import { compileJsonataField, evaluateJsonataField, jsonataBindings } from '../../flow';
import { withEvaluationLocation } from '../../jsonata';

export type ResolveNumber = (input: Json, frame: Frame, visit: StateVisit) => number | undefined | Promise<number | undefined>;

/**
 * A numeric Map setting given as a literal, a `...Path` (JSONPath) or a JSONata string
 * (`MaxConcurrency`, `ToleratedFailureCount`, `ToleratedFailurePercentage`, `MaxItems`, batch limits).
 * Path values that are not numbers of the right kind are `States.Runtime`, worded as AWS does.
 */
export function compileMapNumber(
  literal: number | string | undefined,
  path: string | undefined,
  field: string,
  kind: 'integer' | 'float',
  jsonata: boolean,
): ResolveNumber {
  if (typeof literal === 'number') return () => literal;
  if (typeof literal === 'string' && jsonata) {
    const compiled = compileJsonataField(literal, field);
    const check = (value: Json): number => {
      if (typeof value !== 'number' || (kind === 'integer' && !Number.isInteger(value))) {
        throw withEvaluationLocation(
          queryEvaluationError(
            `The JSONata expression '${literal}' specified for the field '${field}' returned an unexpected result type. Expected '${kind === 'integer' ? 'integer' : 'number'}', but was '${JSON.stringify(value)}'`,
          ),
          field,
        );
      }
      return value;
    };
    return (input, frame, visit) => {
      const value = evaluateJsonataField(compiled, () => jsonataBindings(frame, visit, input));
      return value instanceof Promise ? value.then(check) : check(value);
    };
  }
  if (path !== undefined) {
    const read = compilePath(path);
    return (input, frame, visit) => {
      const value = read(new StateScope(input, frame, visit));
      if (value === MISSING) throw runtimeError(`The ${field}Path field does not reference an input value: ${path}`);
      const number = parseNumber(value, kind);
      if (number === undefined) {
        const shown = typeof value === 'string' ? value : JSON.stringify(value);
        throw runtimeError(`The ${field}Path field refers to value "${shown}" which is not a valid ${kind}: ${path}`);
      }
      return number;
    };
  }
  return () => undefined;
}

// AWS reads these values as Java would parse their text: a numeric string such as "1" is accepted (recorded).
function parseNumber(value: Json, kind: 'integer' | 'float'): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  if (text === undefined) return undefined;
  const pattern = kind === 'integer' ? /^[+-]?\d+$/ : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  return pattern.test(text) ? Number(text) : undefined;
}
