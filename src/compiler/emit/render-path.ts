import type { PathNode, PathSegment } from '../../dsl/ast/value';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Jayway's dot notation also takes `-` (AWS's own samples write `$.error-info`); JSONata cannot,
// since `-` is subtraction there.
const JSONPATH_MEMBER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Renders segments in JSONPath: `.name`, `[0]`, `['odd name']`. */
export function jsonPathSegments(segments: readonly PathSegment[]): string {
  return segments
    .map((segment) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (JSONPATH_MEMBER.test(segment)) return `.${segment}`;
      return `['${segment.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
    })
    .join('');
}

/** Renders segments in JSONata: `.name`, `[0]`, `` .`odd name` ``. */
export function jsonataSegments(segments: readonly PathSegment[]): string {
  return segments
    .map((segment) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (IDENTIFIER.test(segment)) return `.${segment}`;
      return `.\`${segment.replace(/`/g, '')}\``;
    })
    .join('');
}

/** The JSONPath of a recorded path whose data root is read as `$`. */
export function jsonPathOf(node: PathNode, segments: readonly PathSegment[] = node.segments): string {
  if (node.root === 'context') return '$$' + jsonPathSegments(segments);
  if (node.root === 'variable') return '$' + node.variable + jsonPathSegments(segments);
  return '$' + jsonPathSegments(segments);
}

const JSONATA_ROOT = {
  input: '$states.input',
  result: '$states.result',
  errorOutput: '$states.errorOutput',
  context: '$states.context',
} as const;

/** The JSONata expression of a recorded path: `$states.input.order.id`, `$total`, ... */
export function jsonataPathOf(node: PathNode): string {
  if (node.root === 'variable') return '$' + node.variable + jsonataSegments(node.segments);
  return JSONATA_ROOT[node.root] + jsonataSegments(node.segments);
}
