import jsonata from 'jsonata';
import { BoundedCache, PARSE_CACHE_CAPACITY } from './bounded-cache';

/** The members of `$states` an expression can read. */
export type StatesMember = 'input' | 'context' | 'result' | 'errorOutput';

const STATES_MEMBERS: ReadonlySet<string> = new Set<StatesMember>(['input', 'context', 'result', 'errorOutput']);

const OPEN = '{%';
const CLOSE = '%}';

/**
 * True when `value` is a JSONata expression string: it begins exactly with `{%` and ends exactly
 * with `%}` (AWS accepts no surrounding whitespace; such strings are plain literals).
 *
 * @example
 * isJsonataExpression('{% $states.input.id %}'); // true
 * isJsonataExpression(' {% 1 %}');               // false (a literal string)
 */
export function isJsonataExpression(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= OPEN.length + CLOSE.length &&
    value.startsWith(OPEN) &&
    value.endsWith(CLOSE)
  );
}

/**
 * The JSONata text between the `{%` `%}` delimiters, trimmed.
 *
 * @example
 * jsonataBody('{% $x + 1 %}'); // '$x + 1'
 */
export function jsonataBody(expr: string): string {
  if (!isJsonataExpression(expr)) throw new Error(`Not a JSONata expression (expected '{% ... %}'): '${expr}'`);
  return expr.slice(OPEN.length, expr.length - CLOSE.length).trim();
}

/** The `jsonata` error shape (code, position, token). */
interface JsonataParseError {
  code?: string;
  position?: number;
  token?: string;
  message?: string;
}

const astCache = new BoundedCache<string, jsonata.ExprNode | JsonataParseError>(PARSE_CACHE_CAPACITY);

/**
 * Parses the body of a `{% %}` expression once (cached by the full expression text).
 * Returns the AST, or the parse error thrown by the `jsonata` package.
 */
function parseJsonata(expr: string): jsonata.ExprNode | JsonataParseError {
  let parsed = astCache.get(expr);
  if (parsed === undefined) {
    try {
      parsed = jsonata(jsonataBody(expr)).ast();
    } catch (thrown) {
      parsed = { ...(thrown as JsonataParseError), message: (thrown as Error).message };
    }
    astCache.set(expr, parsed);
  }
  return parsed;
}

function isParseError(parsed: jsonata.ExprNode | JsonataParseError): parsed is JsonataParseError {
  return !('type' in parsed);
}

/**
 * Why a `{% %}` expression does not parse, or `undefined` when it does. Wording:
 * `<jsonata message> (code <code>, position <n>)`.
 *
 * @example
 * jsonataSyntaxError('{% $x + %}'); // 'Expected ... (code S0207, position 5)'
 * jsonataSyntaxError('{% $x + 1 %}'); // undefined
 */
export function jsonataSyntaxError(expr: string): string | undefined {
  if (!isJsonataExpression(expr)) return `Not a JSONata expression: it must begin with '{%' and end with '%}'`;
  if (jsonataBody(expr) === '') return 'The JSONata expression is empty';
  const parsed = parseJsonata(expr);
  if (!isParseError(parsed)) return undefined;
  const where = [parsed.code && `code ${parsed.code}`, parsed.position !== undefined && `position ${parsed.position}`]
    .filter(Boolean)
    .join(', ');
  return where ? `${parsed.message} (${where})` : parsed.message ?? 'Invalid JSONata expression';
}

/**
 * The `$states` members an expression reads (`$states.result`, `$states.errorOutput[0]`, ...), found by
 * walking the JSONata AST. Used to reject `result`/`errorOutput` where AWS does not provide them.
 * An unparseable expression references nothing (its syntax error is reported separately).
 *
 * @example
 * referencedStatesMembers('{% $states.result.Payload %}'); // Set { 'result' }
 */
export function referencedStatesMembers(expr: string): Set<StatesMember> {
  const found = new Set<StatesMember>();
  if (!isJsonataExpression(expr)) return found;
  const parsed = parseJsonata(expr);
  if (!isParseError(parsed)) collectStatesMembers(parsed, found);
  return found;
}

function collectStatesMembers(node: unknown, found: Set<StatesMember>): void {
  if (Array.isArray(node)) {
    for (const child of node) collectStatesMembers(child, found);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  // The jsonata typings omit the 'path' node type its parser produces.
  const record = node as { type?: string; steps?: jsonata.ExprNode[] };
  if (record.type === 'path' && Array.isArray(record.steps)) {
    const [first, second] = record.steps;
    if (
      first?.type === 'variable' &&
      first.value === 'states' &&
      second?.type === 'name' &&
      STATES_MEMBERS.has(second.value as string)
    ) {
      found.add(second.value as StatesMember);
    }
  }
  for (const key of Object.keys(record)) {
    const child = (record as Record<string, unknown>)[key];
    if (child !== null && typeof child === 'object') collectStatesMembers(child, found);
  }
}
