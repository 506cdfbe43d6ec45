import jsonata from 'jsonata';
import { BoundedCache, PARSE_CACHE_CAPACITY } from '../../asl/bounded-cache';
import { jsonataBody } from '../../asl/jsonata-syntax';
import type { Json } from '../../asl/types';
import { StatesError } from '../errors';
import { CLOCK_BINDING, JsonataFunctionError, RANDOM_SOURCE_BINDING, registerAwsFunctions } from './aws-functions';
import { evaluationLocation, withEvaluationLocation } from './evaluation-location';
import { evaluationError, returnedNothingError, unsupportedResultTypeError } from './jsonata-errors';
import { toJson, UNSUPPORTED } from './to-json';
import type { JsonataBindings } from './bindings';
import { BUDGET_ERRORS, JSONATA_BUDGET, timeLimits } from './budget';
import { BoundedRegexEngine } from './bounded-regex';

// jsonata reads `timeout` at every evaluation step, so the getter follows `withTimeLimits`.
const JSONATA_OPTIONS = {
  stack: JSONATA_BUDGET.depth,
  get timeout() {
    return timeLimits().milliseconds;
  },
  sequence: JSONATA_BUDGET.sequenceItems,
  RegexEngine: BoundedRegexEngine,
};

/** One `{% %}` expression, parsed once and shared by every template that contains its text. */
export interface PreparedExpression {
  /** The text between the delimiters, trimmed (what AWS quotes in causes). */
  readonly body: string;
  /** Evaluates to JSON, or throws the AWS `States.QueryEvaluationError` for `field`. */
  evaluate(bindings: JsonataBindings, field: string): Promise<Json>;
}

const cache = new BoundedCache<string, PreparedExpression>(PARSE_CACHE_CAPACITY);

/**
 * Parses `{% body %}` once (cached by its text). Throws a plain `Error` naming the field when the
 * expression does not parse: the validator rejects those before anything runs.
 */
export function prepareExpression(expression: string, field: string): PreparedExpression {
  let prepared = cache.get(expression);
  if (!prepared) {
    prepared = buildExpression(expression, field);
    cache.set(expression, prepared);
  }
  return prepared;
}

function buildExpression(expression: string, field: string): PreparedExpression {
  const body = jsonataBody(expression);
  let parsed: jsonata.Expression;
  try {
    parsed = jsonata(body, JSONATA_OPTIONS);
  } catch (thrown) {
    const { code, message } = thrown as { code?: string; message?: string };
    throw new Error(`The JSONata expression '${body}' in field '${field}' does not parse: ${code ? `${code}: ` : ''}${message}`);
  }
  registerAwsFunctions(parsed);
  const variableNames = [...referencedVariableNames(parsed.ast())];

  return {
    body,
    async evaluate(bindings, fieldPath) {
      const scope: Record<string, unknown> = { states: bindings.states, [RANDOM_SOURCE_BINDING]: bindings.random };
      if (bindings.clock) scope[CLOCK_BINDING] = bindings.clock;
      const { variables } = bindings;
      // Bind only the names the expression mentions; `in` also sees inherited (outer-scope) variables.
      for (const name of variableNames) if (name in variables) scope[name] = variables[name];
      let result: unknown;
      try {
        result = await evaluateTolerantOfFrozenData(parsed, scope);
      } catch (thrown) {
        throw toEvaluationError(thrown, body, fieldPath);
      }
      const json = toJson(result);
      if (json === undefined) throw returnedNothingError(body, fieldPath);
      if (json === UNSUPPORTED) throw unsupportedResultTypeError(body, fieldPath);
      return json;
    },
  };
}

/**
 * jsonata flags arrays it returns from the data (`keepSingleton` for `a[]`), which fails on frozen
 * data (frozen constants, a caller's frozen input). Such a failure is retried once on a copy.
 */
async function evaluateTolerantOfFrozenData(parsed: jsonata.Expression, scope: Record<string, unknown>): Promise<unknown> {
  try {
    return await parsed.evaluate(undefined, scope);
  } catch (thrown) {
    if (!(thrown instanceof TypeError) || !/not extensible|read only|read-only/.test(thrown.message)) throw thrown;
    const copy: Record<string, unknown> = {};
    for (const key in scope) copy[key] = typeof scope[key] === 'function' ? scope[key] : structuredClone(scope[key]);
    return parsed.evaluate(undefined, copy);
  }
}

function toEvaluationError(thrown: unknown, body: string, field: string): StatesError {
  if (thrown instanceof StatesError) return evaluationLocation(thrown) === undefined ? withEvaluationLocation(thrown, field) : thrown;
  if (thrown instanceof JsonataFunctionError) return evaluationError(body, field, thrown.code, thrown.message);
  const { code, message } = (thrown ?? {}) as { code?: unknown; message?: unknown };
  const limit = typeof code === 'string' ? BUDGET_ERRORS[code] : undefined;
  if (limit !== undefined) return evaluationError(body, field, code as string, `The expression ${limit}.`);
  if (thrown instanceof RangeError) {
    // V8's own limits (string length, stack) reached by a runaway expression.
    return evaluationError(body, field, undefined, `The expression exceeded a resource limit: ${thrown.message}.`);
  }
  return evaluationError(body, field, typeof code === 'string' ? code : undefined, typeof message === 'string' ? message : String(thrown));
}

/** Every `$name` the expression reads (except `$states`, bound separately). */
function referencedVariableNames(ast: jsonata.ExprNode): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as { type?: string; value?: unknown };
    if (record.type === 'variable' && typeof record.value === 'string' && record.value !== '' && record.value !== 'states') {
      names.add(record.value);
    }
    for (const key in record) {
      const child = (record as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') visit(child);
    }
  };
  visit(ast);
  return names;
}
