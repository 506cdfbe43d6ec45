import type { Json } from '../../asl/types';
import type { SourceLocation } from './source-location';

/**
 * Which document a recorded path reads. `input` is the state's input (`$` in JSONPath,
 * `$states.input` in JSONata), `result` the raw task/branch result, `errorOutput` the error a
 * catcher handles, `context` the context object (`$$`), `variable` a workflow variable (`$name`).
 */
export type PathRoot = 'input' | 'result' | 'errorOutput' | 'context' | 'variable';

export type PathSegment = string | number;

/** A path recorded from a selector such as `s => s.order.items[0].sku`. */
export interface PathNode {
  readonly kind: 'path';
  readonly root: PathRoot;
  /** The variable name when `root` is `variable`. */
  readonly variable?: string;
  readonly segments: readonly PathSegment[];
}

/** A JSONPath written by hand (`jsonPath('$.items[*].sku')`), for what selectors cannot say. */
export interface RawPathNode {
  readonly kind: 'rawPath';
  readonly path: string;
  readonly source: SourceLocation;
}

export interface LiteralNode {
  readonly kind: 'literal';
  readonly value: Json;
}

/** A call of one of the 18 intrinsic functions (JSONPath states only). */
export interface IntrinsicNode {
  readonly kind: 'intrinsic';
  readonly name: string;
  readonly args: readonly ValueNode[];
  readonly source: SourceLocation;
}

/** A JSONata expression: text with interpolated values (`jsonata\`$sum(${s.items}.price)\``). */
export interface JsonataNode {
  readonly kind: 'jsonata';
  readonly parts: readonly (string | ValueNode)[];
  readonly source: SourceLocation;
}

export interface ObjectNode {
  readonly kind: 'object';
  readonly entries: readonly (readonly [string, ValueNode])[];
}

export interface ArrayNode {
  readonly kind: 'array';
  readonly items: readonly ValueNode[];
}

/**
 * A value in a payload, output, assignment or dynamic setting: plain data in which paths,
 * intrinsic calls and JSONata expressions are nodes, so the compiler can emit it in either query
 * language (`"x.$": "$.a"` or `"x": "{% $states.input.a %}"`).
 */
export type ValueNode = LiteralNode | PathNode | RawPathNode | IntrinsicNode | JsonataNode | ObjectNode | ArrayNode;
