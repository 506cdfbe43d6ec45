import type { PathNode, PathRoot, PathSegment } from '../ast/value';
import { DslUsageError } from '../errors/dsl-usage-error';
import { EXPR_NODE, type Expr } from '../values/expr';

type Primitive = string | number | boolean | bigint | symbol | null | undefined;

type IsAny<T> = 0 extends 1 & T ? true : false;

type SelectorMembers<T> = IsAny<T> extends true
  ? { readonly [member: string]: Selector<any>; readonly [index: number]: Selector<any> }
  : T extends Primitive
  ? unknown
  : T extends readonly unknown[]
    ? number extends T['length']
      ? { readonly [index: number]: Selector<T[number]> }
      : // A tuple (a Parallel's result): each position keeps its own type, `s[0]` is the first branch's output.
        { readonly [K in keyof T & `${number}`]-?: Selector<T[K]> }
    : T extends object
      ? { readonly [K in keyof T & string]-?: Selector<T[K]> }
      : unknown;

/**
 * A typed view of a JSON document that records the members you read: `s.order.items[0].sku` is
 * an `Expr<string>` that compiles to `$.order.items[0].sku` (JSONPath) or
 * `$states.input.order.items[0].sku` (JSONata). Reading a member that the type does not have is
 * a type error, so a typo in a path never reaches AWS.
 *
 * @example
 * workflow('Orders', { input: Order }).pass('Pick', { parameters: s => ({ sku: s.order.items[0].sku }) });
 */
export type Selector<T> = Expr<T> & SelectorMembers<NonNullable<T>>;

const INDEX = /^(?:0|[1-9]\d*)$/;

/**
 * Creates a recording proxy rooted at `root`. Every member access returns a new proxy with one
 * more segment; the recorded path is read through `EXPR_NODE`. Nothing is evaluated.
 */
export function selector<T>(root: PathRoot, variable?: string): Selector<T> {
  return pathProxy(root, variable, Object.freeze([])) as Selector<T>;
}

function pathProxy(root: PathRoot, variable: string | undefined, segments: readonly PathSegment[]): unknown {
  const node: PathNode = Object.freeze(
    variable === undefined ? { kind: 'path', root, segments } : { kind: 'path', root, variable, segments },
  );
  return new Proxy(Object.freeze({}), {
    get(_target, property) {
      if (property === EXPR_NODE) return node;
      if (typeof property === 'symbol') return undefined;
      const segment: PathSegment = INDEX.test(property) ? Number(property) : property;
      return pathProxy(root, variable, Object.freeze([...segments, segment]));
    },
    has: (_target, property) => property === EXPR_NODE,
    // `{ ...input, review: result }` would otherwise copy nothing and silently drop the input.
    ownKeys() {
      throw new DslUsageError(SPREAD_MESSAGE(describePath(node)));
    },
    set() {
      throw new TypeError('Selectors are read-only: they record a path, they hold no data.');
    },
  });
}

const SPREAD_MESSAGE = (path: string) =>
  `Spreading or listing the members of ${path} (\`{ ...${path} }\`, Object.keys) copies nothing: a selector records a path, ` +
  `it holds no data. Name each member you need (\`{ id: ${path}.id }\`); to keep the whole input and add a result, use ` +
  "`resultPath: 'review'` (JSONPath) or, in JSONata, `output: ({ input, result }) => jsonata`$merge([${input}, { \"review\": ${result} }])``.";

const ROOT_WORDS = { input: 'input', result: 'result', errorOutput: 'error', context: 'ctx', variable: 'variable' } satisfies Record<PathRoot, string>;

/** How a message names a selector: `input`, `input.order`, `$total.items[0]`. */
function describePath(node: PathNode): string {
  const head = node.variable !== undefined ? `$${node.variable}` : ROOT_WORDS[node.root];
  return head + node.segments.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`)).join('');
}

/** Reads the recorded path of a selector result; `undefined` when the value is not a path. */
export function recordedPath(value: unknown): PathNode | undefined {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  const node = (value as { [EXPR_NODE]?: { kind?: string } })[EXPR_NODE];
  return node?.kind === 'path' ? (node as PathNode) : undefined;
}
