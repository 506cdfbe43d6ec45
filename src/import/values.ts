/**
 * ASL values → DSL expressions: JSONPath paths become selectors (`s.order.id`), intrinsic calls
 * `States.*` helpers, `{% %}` strings `jsonata` expressions with interpolated selectors, payload
 * templates object literals. Every translation must compile back to the very same text; where a
 * typed form would not (or would not type-check), the value is kept as written (`jsonPath('…')`,
 * a literal `'key.$'` member) with a comment saying why.
 */
import { ts } from 'ts-morph';
import { INTRINSIC_FUNCTIONS, looksLikeIntrinsic, parseIntrinsic, type IntrinsicArg, type IntrinsicCall } from '../asl/intrinsic-syntax';
import { parsePath } from '../asl/json-path';
import { jsonPathSegments } from '../compiler/emit/render-path';
import { call, id, json, member, num, object, str, taggedTemplate, typeRef, withComment, array, type Expression } from './code';
import type { ModuleContext } from './module-context';
import { expectLeaf, jsonView, OPAQUE, readView, recordView, shapeView, type LeafType, type PathSegment, type View } from './shape';

const f = ts.factory;

/** A callback parameter that a value may read; `used` tells the caller which parameters to declare. */
export class Param {
  used = false;
  constructor(readonly name: string, readonly view: View) {}
  ref(): ts.Identifier {
    this.used = true;
    return id(this.name);
  }
}

/** The DSL's exported `ctx`, for paths read where no callback parameter holds the context (InputPath, OutputPath). */
export class ImportedParam extends Param {
  constructor(name: string, view: View, private readonly cx: ModuleContext) {
    super(name, view);
  }
  override ref(): ts.Identifier {
    return id(this.cx.use(this.name));
  }
}

/** What `$` means in a JSONPath field, and the InputPath its reads are relative to. */
export interface Dollar {
  readonly param: Param;
  /** InputPath segments the compiler strips from input reads; `'raw'` when InputPath cannot be a selector (then reads stay raw). */
  readonly inputPath?: readonly PathSegment[] | 'raw';
}

/** Where a value is read: the callback parameters in scope, per query language. */
export interface ValueScope {
  readonly cx: ModuleContext;
  readonly where: string;
  readonly jsonata: boolean;
  readonly dollar?: Dollar;
  /** JSONata `$states.input` / `$states.result` / `$states.errorOutput`. */
  readonly states?: { readonly input?: Param; readonly result?: Param; readonly errorOutput?: Param };
  readonly ctx?: Param;
  /** The Map item and index (a Map's itemSelector). */
  readonly item?: Param;
  readonly index?: Param;
}

export interface Translated {
  readonly expr: Expression;
  readonly view: View;
}

/** Context object members the DSL types (`ctx.Execution.Id`, ...). */
export function contextView(extra: { taskToken?: boolean; mapItem?: View } = {}): View {
  const text = { kind: 'opaque', type: 'string' } as const;
  const number = { kind: 'opaque', type: 'number' } as const;
  return recordView({
    Execution: recordView({ Id: text, Input: OPAQUE, Name: text, RoleArn: text, StartTime: text, RedriveCount: number, RedriveTime: text }),
    State: recordView({ EnteredTime: text, Name: text, RetryCount: number }),
    StateMachine: recordView({ Id: text, Name: text }),
    ...(extra.taskToken && { Task: recordView({ Token: text }) }),
    ...(extra.mapItem && { Map: recordView({ Item: recordView({ Index: number, Value: extra.mapItem, Key: text, Source: text }) }) }),
  });
}

const TS_TYPE: Record<LeafType, () => ts.TypeNode> = {
  number: () => f.createKeywordTypeNode(ts.SyntaxKind.NumberKeyword),
  string: () => f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
  boolean: () => f.createKeywordTypeNode(ts.SyntaxKind.BooleanKeyword),
  object: () => typeRef('Record', [f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword), f.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword)]),
  array: () => f.createArrayTypeNode(f.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword)),
};

export const leafTypeNode = (leaf: LeafType): ts.TypeNode => TS_TYPE[leaf]();

/** `jsonPath<T>('…')` with a comment: a path kept as written. */
export function rawPath(text: string, scope: ValueScope, why: string, leaf?: LeafType): Translated {
  scope.cx.note(scope.where, `kept JSONPath '${text}' as written (${why})`);
  const expr = call(scope.cx.use('jsonPath'), [str(text)], leaf ? [leafTypeNode(leaf)] : undefined);
  return { expr: withComment(expr, why), view: { kind: 'opaque', type: leaf ?? 'unknown' } };
}

/**
 * A path (`$.a.b`, `$$.Execution.Id`, `$var.x`) as a selector on the parameter that holds its
 * root, or `jsonPath('…')` when a selector would render differently or cannot be typed.
 */
export function pathValue(text: string, scope: ValueScope, leaf?: LeafType): Translated {
  const parsed = parsePath(text);
  if (!parsed || parsed.segments === undefined) return rawPath(text, scope, 'not a plain member path', leaf);
  const segments = parsed.segments;
  const prefix = parsed.root.kind === 'context' ? '$$' : parsed.root.kind === 'variable' ? `$${parsed.root.name}` : '$';
  if (prefix + jsonPathSegments(segments) !== text) return rawPath(text, scope, 'written in a form selectors do not print', leaf);
  let param: Param | undefined;
  let read: readonly PathSegment[] = segments;
  let variable: string | undefined;
  if (parsed.root.kind === 'input') {
    const dollar = scope.dollar;
    if (!dollar) return rawPath(text, scope, 'no selector reads `$` here', leaf);
    if (dollar.inputPath === 'raw') return rawPath(text, scope, 'read through an InputPath kept as written', leaf);
    param = dollar.param;
    read = [...(dollar.inputPath ?? []), ...segments];
  } else if (parsed.root.kind === 'context') {
    const [a, b, c] = segments;
    if (a === 'Map' && b === 'Item' && c === 'Value' && scope.item) {
      param = scope.item;
      read = segments.slice(3);
    } else if (a === 'Map' && b === 'Item' && c === 'Index' && segments.length === 3 && scope.index) {
      param = scope.index;
      read = [];
    } else param = scope.ctx;
  } else {
    const declared = scope.cx.model.variable(parsed.root.name);
    variable = declared.constName;
    param = new Param(declared.constName, shapeView(declared.shape));
  }
  if (!param) return rawPath(text, scope, 'no selector reads this root here', leaf);
  const view = readView(param.view, read);
  if (!view) return rawPath(text, scope, 'the inferred type has no such member', leaf);
  if (leaf && !expectLeaf(view, leaf)) return rawPath(text, scope, `not typed as ${leaf}`, leaf);
  let expr: Expression = variable ? id(variable) : param.ref();
  for (const segment of read) expr = member(expr, segment);
  return { expr, view };
}

/** What each intrinsic's arguments must be, for typing the paths passed to it. */
const INTRINSIC_ARGS: Record<string, readonly (LeafType | 'scalar' | 'any' | 'hash')[]> = {
  'States.Format': ['string'],
  'States.StringToJson': ['string'],
  'States.JsonToString': ['any'],
  'States.Array': [],
  'States.ArrayPartition': ['array', 'number'],
  'States.ArrayContains': ['array', 'any'],
  'States.ArrayRange': ['number', 'number', 'number'],
  'States.ArrayGetItem': ['array', 'number'],
  'States.ArrayLength': ['array'],
  'States.ArrayUnique': ['array'],
  'States.Base64Encode': ['string'],
  'States.Base64Decode': ['string'],
  'States.Hash': ['any', 'hash'],
  'States.JsonMerge': ['object', 'object', 'any'],
  'States.MathRandom': ['number', 'number', 'number'],
  'States.MathAdd': ['number', 'number'],
  'States.StringSplit': ['string', 'string'],
  'States.UUID': [],
};
const HASH_ALGORITHMS = new Set(['MD5', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']);

/** `States.Format('…', s.name)`, or `undefined` when the call cannot be rebuilt exactly. */
export function intrinsicValue(text: string, scope: ValueScope): Translated | undefined {
  let parsed: IntrinsicCall;
  try {
    parsed = parseIntrinsic(text);
  } catch {
    return undefined;
  }
  if (renderIntrinsic(parsed) !== text) return undefined;
  const expr = intrinsicExpr(parsed, scope);
  return expr && { expr, view: OPAQUE };
}

function intrinsicExpr(node: IntrinsicCall, scope: ValueScope): Expression | undefined {
  const kinds = INTRINSIC_ARGS[node.name];
  if (!kinds || !INTRINSIC_FUNCTIONS[node.name]) return undefined;
  const args: Expression[] = [];
  for (const [i, arg] of node.args.entries()) {
    const kind = kinds[i] ?? (node.name === 'States.Format' ? 'scalar' : 'any');
    const expr = intrinsicArg(arg, kind, scope);
    if (!expr) return undefined;
    args.push(expr);
  }
  return call(member(id(scope.cx.use('States')), node.name.slice('States.'.length)), args);
}

function intrinsicArg(arg: IntrinsicArg, kind: LeafType | 'scalar' | 'any' | 'hash', scope: ValueScope): Expression | undefined {
  switch (arg.kind) {
    case 'string':
      if (kind === 'hash' && !HASH_ALGORITHMS.has(arg.value)) return undefined;
      return str(arg.value);
    case 'number':
      return num(arg.value);
    case 'boolean':
      return arg.value ? f.createTrue() : f.createFalse();
    case 'null':
      return f.createNull();
    case 'call':
      return intrinsicExpr(arg.call, scope);
    case 'path': {
      if (kind === 'hash') return undefined;
      if (kind === 'scalar') {
        const typed = pathValue(arg.path, scope, 'string');
        return typed.expr;
      }
      return pathValue(arg.path, scope, kind === 'any' ? undefined : kind).expr;
    }
  }
}

// The compiler's rendering of an intrinsic call (src/compiler/emit/value-jsonpath.ts): arguments
// joined by ', ', strings in single quotes with `\ ' { }` escaped (a Format template keeps `{}`).
function renderIntrinsic(node: IntrinsicCall): string {
  const args = node.args.map((arg, i) => {
    switch (arg.kind) {
      case 'string':
        return `'${escapeString(arg.value, node.name === 'States.Format' && i === 0)}'`;
      case 'number':
      case 'boolean':
        return JSON.stringify(arg.value);
      case 'null':
        return 'null';
      case 'path':
        return arg.path;
      case 'call':
        return renderIntrinsic(arg.call);
    }
  });
  return `${node.name}(${args.join(', ')})`;
}

function escapeString(text: string, formatTemplate: boolean): string {
  const escape = (piece: string) => piece.replace(/[\\'{}]/g, (ch) => `\\${ch}`);
  return formatTemplate ? text.split('{}').map(escape).join('{}') : escape(text);
}

/** The value of a `.$` member: an intrinsic call or a path. */
export function dynamicMember(text: string, scope: ValueScope): Translated | undefined {
  if (looksLikeIntrinsic(text)) return intrinsicValue(text, scope);
  return pathValue(text, scope);
}

/** A JSONPath payload template (Parameters, ResultSelector, ItemSelector, Assign, ...). */
export function jsonPathTemplate(value: Record<string, unknown>, scope: ValueScope): Translated {
  const entries: (readonly [string, Expression])[] = [];
  const views: Record<string, View> = {};
  for (const [key, member] of Object.entries(value)) {
    if (key.endsWith('.$') && typeof member === 'string') {
      const translated = dynamicMember(member, scope);
      const name = key.slice(0, -2);
      if (translated && !(name in value)) {
        entries.push([name, translated.expr]);
        views[name] = translated.view;
      } else {
        scope.cx.note(scope.where, `kept '${key}' as written`);
        entries.push([key, withComment(str(member), 'kept as written: no typed form renders it the same')]);
      }
    } else if (member !== null && typeof member === 'object' && !Array.isArray(member)) {
      const nested = jsonPathTemplate(member as Record<string, unknown>, scope);
      entries.push([key, nested.expr]);
      views[key] = nested.view;
    } else {
      entries.push([key, json(member)]);
      views[key] = jsonView(member);
    }
  }
  return { expr: object(entries), view: recordView(views) };
}

const JSONATA_TEMPLATE = /^\{% (.+) %\}$/s;
const STATES_PATH = /\$states\.(input|result|errorOutput)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)(?![A-Za-z0-9_])/g;

/** The expression of a `{% … %}` string the compiler prints back identically, else `undefined`. */
export function jsonataText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = JSONATA_TEMPLATE.exec(value);
  if (!match || match[1] !== match[1].trim() || match[1].length === 0) return undefined;
  return match[1];
}

/** `` jsonata<T>`…${s.items}…` `` from a JSONata expression, interpolating the `$states.input…` reads that type-check. */
export function jsonataExpr(text: string, scope: ValueScope, leaf?: LeafType): Expression {
  const parts: (string | Expression)[] = [];
  let last = 0;
  for (const match of text.matchAll(STATES_PATH)) {
    const root = match[1] as 'input' | 'result' | 'errorOutput';
    const param = scope.states?.[root];
    const segments = match[2].split('.').slice(1);
    const view = param && readView(param.view, segments);
    if (!param || !view) continue;
    parts.push(text.slice(last, match.index));
    let expr: Expression = param.ref();
    for (const segment of segments) expr = member(expr, segment);
    parts.push(expr);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  const nonEmpty = parts.filter((part) => part !== '');
  // `{% $states.input.order %}` is what the selector alone prints: no template needed.
  if (nonEmpty.length === 1 && typeof nonEmpty[0] !== 'string' && !leaf) return nonEmpty[0];
  return taggedTemplate(scope.cx.use('jsonata'), leaf ? leafTypeNode(leaf) : undefined, parts.filter((part) => part !== ''));
}

/** A value of a JSONata state's field: `{% %}` strings become expressions, the rest stays literal. */
export function jsonataValue(value: unknown, scope: ValueScope, leaf?: LeafType): Translated {
  const text = jsonataText(value);
  if (text !== undefined) return { expr: jsonataExpr(text, scope, leaf), view: { kind: 'opaque', type: leaf ?? 'unknown' } };
  if (Array.isArray(value)) return { expr: array(value.map((item) => jsonataValue(item, scope).expr)), view: { kind: 'opaque', type: 'array' } };
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, member]) => [key, jsonataValue(member, scope)] as const);
    return { expr: object(entries.map(([key, t]) => [key, t.expr])), view: recordView(Object.fromEntries(entries.map(([key, t]) => [key, t.view]))) };
  }
  return { expr: json(value), view: jsonView(value) };
}

/**
 * A setting that is a literal, a `…Path` or a JSONata expression (TimeoutSeconds, Seconds,
 * MaxConcurrency, ...): the literal, a selector / raw path, or a `jsonata` expression.
 * `isLiteral` tells the caller not to wrap it in a callback.
 */
export function settingValue(
  literal: unknown,
  path: unknown,
  scope: ValueScope,
  leaf: LeafType,
  options: { intrinsic?: boolean } = {},
): { expr: Expression; isLiteral: boolean } | undefined {
  if (literal !== undefined) {
    const text = scope.jsonata ? jsonataText(literal) : undefined;
    return text !== undefined ? { expr: jsonataExpr(text, scope, leaf), isLiteral: false } : { expr: json(literal), isLiteral: true };
  }
  if (typeof path !== 'string') return undefined;
  const translated = options.intrinsic && looksLikeIntrinsic(path) ? intrinsicValue(path, scope) : pathValue(path, scope, leaf);
  return translated && { expr: translated.expr, isLiteral: false };
}

/** `(s, ctx) => expr` declaring only the parameters the expression reads; the bare expression when it reads none. */
export function callbackOf(scope: ValueScope, body: Expression, always = false): Expression {
  const params: string[] = [];
  const s = scope.dollar?.param;
  const ctx = scope.ctx;
  if (ctx?.used) params.push(s?.used ? s.name : '_', ctx.name);
  else if (s?.used) params.push(s.name);
  if (params.length === 0 && !always) return body;
  return f.createArrowFunction(
    undefined,
    undefined,
    params.map((name) => f.createParameterDeclaration(undefined, undefined, name)),
    undefined,
    f.createToken(ts.SyntaxKind.EqualsGreaterThanToken),
    ts.isObjectLiteralExpression(body) ? f.createParenthesizedExpression(body) : body,
  );
}
