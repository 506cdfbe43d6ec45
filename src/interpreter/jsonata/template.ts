import { isJsonataExpression } from '../../asl/jsonata-syntax';
import type { Json } from '../../asl/types';
import type { JsonataBindings } from './bindings';
import { prepareExpression } from './prepared-expression';
import { unexpectedResultTypeError } from './jsonata-errors';

/** A JSONata-capable field value, prepared once per definition. */
export interface JsonataTemplate {
  /** True when the value holds no `{% %}` expression: `evaluate` returns it without running JSONata. */
  readonly constant: boolean;
  /** The trimmed expression text when the whole value is one `{% %}` expression (for type-check causes). */
  readonly expression: string | undefined;
  /** The field location used in causes (`Output`, `Choices[1]/Condition`). */
  readonly field: string;
  /**
   * Evaluates every expression (depth first, in document order) and builds the value. Throws the
   * AWS `States.QueryEvaluationError` on failure. A constant template returns the same deep-frozen
   * value every time; evaluated templates return fresh containers (leaf values read from the
   * bindings may be shared, so treat results as immutable).
   */
  evaluate(bindings: JsonataBindings): Promise<Json>;
}

type Evaluator = (bindings: JsonataBindings) => Promise<Json>;

/**
 * Prepares a JSONata-capable field value (`Arguments`, `Output`, `Assign`, `Items`, `ItemSelector`,
 * `Condition`, ...). Every string at any depth that is exactly `{% ... %}` is an expression; other
 * strings are literals. `field` names the field in causes; nested locations get `/key` for object
 * members and `[i]` for array elements (`Output/error`, `Arguments/items[0]`).
 *
 * @example
 * const output = prepareJsonataTemplate({ total: '{% $sum($states.input.prices) %}' }, 'Output');
 * await output.evaluate({ states: { input: { prices: [1, 2] }, context: {} }, variables: {}, random: Math.random });
 * // { total: 3 }
 */
export function prepareJsonataTemplate(value: Json, field: string): JsonataTemplate {
  const evaluator = prepareNode(value, field);
  const expression = isJsonataExpression(value) ? prepareExpression(value, field).body : undefined;
  if (evaluator === undefined) {
    const frozen = deepFreeze(structuredClone(value));
    return { constant: true, expression, field, evaluate: () => Promise.resolve(frozen) };
  }
  return { constant: false, expression, field, evaluate: evaluator };
}

/** `undefined` when the subtree holds no expression (a constant). */
function prepareNode(value: Json, location: string): Evaluator | undefined {
  if (typeof value === 'string') {
    if (!isJsonataExpression(value)) return undefined;
    const expression = prepareExpression(value, location);
    return (bindings) => expression.evaluate(bindings, location);
  }
  if (Array.isArray(value)) return prepareArray(value, location);
  if (value !== null && typeof value === 'object') return prepareObject(value, location);
  return undefined;
}

function prepareArray(values: Json[], location: string): Evaluator | undefined {
  const elements = values.map((element, index) => prepareNode(element, `${location}[${index}]`));
  if (elements.every((element) => element === undefined)) return undefined;
  const constants = values.map((element, index) => (elements[index] ? undefined : deepFreeze(structuredClone(element))));
  return async (bindings) => {
    const result: Json[] = new Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const element = elements[i];
      result[i] = element ? await element(bindings) : (constants[i] as Json);
    }
    return result;
  };
}

function prepareObject(object: { [key: string]: Json }, location: string): Evaluator | undefined {
  const keys = Object.keys(object);
  const members = keys.map((key) => prepareNode(object[key], `${location}/${key}`));
  if (members.every((member) => member === undefined)) return undefined;
  const constants = keys.map((key, index) => (members[index] ? undefined : deepFreeze(structuredClone(object[key]))));
  return async (bindings) => {
    const result: { [key: string]: Json } = {};
    for (let i = 0; i < keys.length; i++) {
      const member = members[i];
      const value = member ? await member(bindings) : (constants[i] as Json);
      // `__proto__` is a member like any other in JSON; an assignment would set the prototype.
      if (keys[i] === '__proto__') Object.defineProperty(result, '__proto__', { value, enumerable: true, writable: true, configurable: true });
      else result[keys[i]] = value;
    }
    return result;
  };
}

/**
 * Evaluates a Choice rule's `Condition` (a literal boolean or an expression). Anything but a boolean
 * is a `States.QueryEvaluationError`.
 *
 * @example
 * const condition = prepareJsonataTemplate('{% $states.input.count > 2 %}', 'Choices[0]/Condition');
 * await evaluateJsonataCondition(condition, bindings); // true or false
 */
export async function evaluateJsonataCondition(template: JsonataTemplate, bindings: JsonataBindings): Promise<boolean> {
  const value = await template.evaluate(bindings);
  if (typeof value === 'boolean') return value;
  throw unexpectedResultTypeError(template.expression ?? JSON.stringify(value), template.field, 'boolean', value);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
