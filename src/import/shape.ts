/**
 * What the importer knows about the data a state reads, so that the generated selectors
 * type-check: a `ShapeNode` is a type being inferred from the reads (the workflow input, a Lambda
 * function's output, a variable), a `View` is how one state sees its input (`s`), following the
 * DSL's own typing (ResultPath merges, OutputPath selects, a result replaces the input).
 */
export type PathSegment = string | number;

/** The JSON type a read expects at a leaf: set by comparisons and intrinsic arguments. */
export type LeafType = 'number' | 'string' | 'boolean' | 'object' | 'array';

/** An inferred type: members read, an element type where something is indexed or iterated, or a leaf type. */
export class ShapeNode {
  readonly members = new Map<string, ShapeNode>();
  element: ShapeNode | undefined;
  leaf: LeafType | undefined;

  member(name: string): ShapeNode {
    let child = this.members.get(name);
    if (!child) {
      child = new ShapeNode();
      this.members.set(name, child);
    }
    return child;
  }

  item(): ShapeNode {
    this.element ??= new ShapeNode();
    return this.element;
  }

  /** Can this node hold `leaf` without contradicting what was read from it? */
  accepts(leaf: LeafType): boolean {
    if (this.leaf !== undefined) return this.leaf === leaf || (leaf === 'array' && this.element !== undefined);
    if (leaf === 'array') return this.members.size === 0;
    if (leaf === 'object') return this.element === undefined;
    return this.members.size === 0 && this.element === undefined;
  }
}

/**
 * How a state sees a document. `shape`: an inferred type (any read is fine and is recorded);
 * `record`: fixed members (a DSL result type, the context object, a template); `opaque`: a typed
 * value whose members cannot be read (`type` says what it is when known).
 */
export type View =
  | { readonly kind: 'shape'; readonly node: ShapeNode }
  | { readonly kind: 'record'; readonly members: ReadonlyMap<string, View> }
  | { readonly kind: 'opaque'; readonly type?: LeafType | 'unknown' }
  /** `Record<string, unknown>`: any member can be read, nothing below it. */
  | { readonly kind: 'dictionary' }
  | { readonly kind: 'overlay'; readonly base: View; readonly at: readonly string[]; readonly value: View };

export const OPAQUE: View = { kind: 'opaque' };

export const shapeView = (node: ShapeNode): View => ({ kind: 'shape', node });

export function recordView(members: Record<string, View>): View {
  return { kind: 'record', members: new Map(Object.entries(members)) };
}

/** The view of a literal JSON value (a Pass `Result`). */
export function jsonView(value: unknown): View {
  if (value === null || typeof value !== 'object') {
    return { kind: 'opaque', type: typeof value === 'number' ? 'number' : typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'boolean' : 'unknown' };
  }
  if (Array.isArray(value)) return { kind: 'opaque', type: 'array' };
  return { kind: 'record', members: new Map(Object.entries(value).map(([k, v]) => [k, jsonView(v)])) };
}

/** The view after reading `segments` (recording them in shapes), or `undefined` when the type does not have them. */
export function readView(view: View, segments: readonly PathSegment[]): View | undefined {
  let current: View = view;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    switch (current.kind) {
      case 'shape': {
        const node = current.node;
        if (typeof segment === 'number') {
          if (node.members.size > 0 || (node.leaf !== undefined && node.leaf !== 'array')) return undefined;
          current = shapeView(node.item());
        } else {
          if (node.element !== undefined || (node.leaf !== undefined && node.leaf !== 'object')) return undefined;
          if (node.leaf === 'object') node.leaf = undefined;
          current = shapeView(node.member(segment));
        }
        break;
      }
      case 'record': {
        const member = typeof segment === 'string' ? current.members.get(segment) : undefined;
        if (!member) return undefined;
        current = member;
        break;
      }
      case 'overlay': {
        const rest = segments.slice(i);
        const diverges = current.at.findIndex((name, k) => rest[k] !== name);
        if (diverges === -1) return readView(current.value, rest.slice(current.at.length));
        if (diverges < rest.length) return readView(current.base, rest);
        return undefined;
      }
      case 'dictionary':
        if (typeof segment !== 'string') return undefined;
        current = { kind: 'opaque', type: 'unknown' };
        break;
      case 'opaque':
        return undefined;
    }
  }
  return current;
}

/** Whether a read value can be used where `leaf` is expected; records the expectation in shapes. */
export function expectLeaf(view: View, leaf: LeafType): boolean {
  if (view.kind === 'shape') {
    if (!view.node.accepts(leaf)) return false;
    if (leaf !== 'array' || view.node.leaf === undefined) view.node.leaf = leaf;
    return true;
  }
  return view.kind === 'opaque' && view.type === leaf;
}

/** `resultPath: 'a.b'` places the result at `at` in the input (the DSL's `PlaceResult`). */
export function overlay(base: View, at: readonly string[], value: View): View {
  return at.length === 0 ? value : { kind: 'overlay', base, at, value };
}
