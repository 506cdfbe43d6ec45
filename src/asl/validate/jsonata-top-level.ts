/**
 * JSONata in Step Functions runs with no context item (Spec "JSONata Restrictions"): data comes
 * from `$states` or variables, so a bare field name, `$` or `$$` at the top level of an expression
 * reads nothing. AWS rejects such definitions
 * (`UNSUPPORTED_JSONATA_EXPRESSION: Reference to 'phone' at the top level is not supported.`).
 * Inside a path's later steps, predicates, group-by and sort terms a context exists, so names
 * there are fine. Lambda bodies are skipped: their context depends on the caller.
 */
import jsonata from 'jsonata';
import { isJsonataExpression, jsonataBody } from '../jsonata-syntax';
import { BoundedCache, PARSE_CACHE_CAPACITY } from '../bounded-cache';

type AstNode = { type?: string; value?: unknown; [key: string]: unknown };

// Properties whose expressions are evaluated against a context item.
const CONTEXT_PROPERTIES = new Set(['stages', 'predicate', 'group', 'terms']);

/** Names (and `$` / `$$`) an expression reads from the missing top-level context, in order. */
export function topLevelReferences(expr: string): string[] {
  let found = cache.get(expr);
  if (found === undefined) {
    found = [];
    const ast = parseOrUndefined(expr);
    if (ast) visit(ast, false, found);
    found = [...new Set(found)];
    cache.set(expr, found);
  }
  return found;
}

const cache = new BoundedCache<string, string[]>(PARSE_CACHE_CAPACITY);

// Syntax errors are reported by jsonataSyntaxError; an unparseable expression references nothing here.
function parseOrUndefined(expr: string): AstNode | undefined {
  if (!isJsonataExpression(expr)) return undefined;
  try {
    return jsonata(jsonataBody(expr)).ast() as unknown as AstNode;
  } catch {
    return undefined;
  }
}

function visit(node: unknown, hasContext: boolean, found: string[]): void {
  if (Array.isArray(node)) {
    for (const child of node) visit(child, hasContext, found);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const ast = node as AstNode;
  if (ast.type === 'lambda') return;
  if (!hasContext && ast.type === 'name' && typeof ast.value === 'string') found.push(ast.value);
  if (!hasContext && ast.type === 'variable' && (ast.value === '' || ast.value === '$')) found.push(`$${ast.value}`);
  for (const [key, child] of Object.entries(ast)) {
    if (child === null || typeof child !== 'object') continue;
    if (ast.type === 'path' && key === 'steps') {
      (child as unknown[]).forEach((step, index) => visit(step, hasContext || index > 0, found));
    } else {
      visit(child, hasContext || CONTEXT_PROPERTIES.has(key), found);
    }
  }
}
