import { LIMITS } from './limits';

// How deeply JSON may nest: AWS's limit (`LIMITS.jsonNesting`). Here it also keeps every
// recursive walk (validator, payload templates, size checks, history) far from the JavaScript
// stack's end: a 10,000-level input used to throw `RangeError: Maximum call stack size exceeded`
// out of `startExecution`, and such a definition crashed the validator (issue 8).

/**
 * Why `value` cannot be walked as JSON: nested deeper than `limit` levels, or circular; `undefined`
 * when it is fine. Iterative, so it never overflows the stack itself.
 *
 * @example
 * nestingProblem({ a: [1, { b: 2 }] }); // undefined
 */
export function nestingProblem(value: unknown, limit: number = LIMITS.jsonNesting): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  // Depth-first, with exit markers so `onPath` holds exactly the ancestors of the current node.
  const onPath = new Set<object>();
  const stack: Array<{ node: object; depth: number; exit: boolean }> = [{ node: value, depth: 1, exit: false }];
  while (stack.length > 0) {
    const { node, depth, exit } = stack.pop()!;
    if (exit) {
      onPath.delete(node);
      continue;
    }
    if (onPath.has(node)) return 'it is circular (an object contains itself)';
    if (depth > limit) return `it nests deeper than ${limit} levels`;
    onPath.add(node);
    stack.push({ node, depth, exit: true });
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) {
      if (child !== null && typeof child === 'object') stack.push({ node: child, depth: depth + 1, exit: false });
    }
  }
  return undefined;
}
