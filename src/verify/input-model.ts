/**
 * What the definitions read and compare against, as a tree of paths with candidate values: the
 * raw material for generated inputs and task answers. Every path either version reads (InputPath,
 * `.$` keys, Choice `Variable`s, `$states.input…` in JSONata, ItemsPath, …) is a node; every
 * literal a Choice compares it with adds values at, around and across the comparison (equal, ±1,
 * before/after a timestamp, the wrong type); "missing" is always a candidate.
 */
import { choiceOperator } from '../asl/choice-operators';
import type { Json, JsonPathChoiceRule, State, StateMachineDefinition } from '../asl/types';
import { parseTaskResource } from '../asl/task-resource';
import { walkStates } from '../asl/walk';

export interface PathNode {
  children: Map<string, PathNode>;
  /** Leaf values worth trying here (literals compared against and their neighbours). */
  candidates: Json[];
  /** ItemsPath (or indexed): an array of items. */
  array: boolean;
  /** Read as a number (Wait SecondsPath, TimeoutSecondsPath, …). */
  numeric?: boolean;
}

export interface InputModel {
  root: PathNode;
  /** Error names each resource's states list in Retry/Catch. */
  errorsByResource: Map<string, Set<string>>;
  /** Paths (from the root) results are written to (ResultPath), per resource. */
  resultPathsByResource: Map<string, string[][]>;
  /** Resources whose calls can stay unanswered meaningfully (callbacks, activities, states with timeouts). */
  canHang: Set<string>;
  /** `.sync` resources. */
  sync: Set<string>;
  /**
   * `lambda:invoke` resources only JSONPath states call: a scenario answers with the function's
   * payload, which the interpreter wraps in the invoke response (`{ Payload, StatusCode, … }`), so
   * what the definitions read under the result's `Payload` (`$.charge.Payload.status`) is the
   * answer itself.
   */
  lambdaInvoke: Set<string>;
}

const newNode = (): PathNode => ({ children: new Map(), candidates: [], array: false });

/** `$.a.b[0]['c d']` → `['a', 'b', '[]', 'c d']`; `undefined` for paths it cannot read. */
export function pathSegments(path: string): string[] | undefined {
  // The execution input read through the context object is the input too.
  if (path.startsWith('$$.Execution.Input')) path = `$${path.slice('$$.Execution.Input'.length)}`;
  if (!path.startsWith('$') || path.startsWith('$$')) return undefined;
  const out: string[] = [];
  const re = /\.([A-Za-z_$@][\w$@-]*)|\[(\d+|\*)\]|\['([^']*)'\]|\["([^"]*)"\]/gy;
  re.lastIndex = 1;
  while (re.lastIndex < path.length) {
    const m = re.exec(path);
    if (!m) break;
    out.push(m[1] ?? m[3] ?? m[4] ?? '[]');
  }
  return out;
}

export function nodeAt(root: PathNode, segments: string[], create = true): PathNode | undefined {
  let node = root;
  for (const segment of segments) {
    let child = node.children.get(segment);
    if (!child) {
      if (!create) return undefined;
      child = newNode();
      node.children.set(segment, child);
    }
    if (segment === '[]') node.array = true;
    node = child;
  }
  return node;
}

const JSONPATH_IN_TEXT = /(?<![\w$])\$((?:\.[A-Za-z_][\w-]*|\[\d+\]|\['[^']*'\])+)/g;
const CONTEXT_INPUT = /\$\$\.Execution\.Input((?:\.[A-Za-z_][\w-]*|\[\d+\]|\['[^']*'\])+)/g;
const JSONATA_INPUT = /\$states\.(?:input|result|context\.Execution\.Input)((?:\.[A-Za-z_][\w]*|\[\d+\])+)/g;
const MAP_ITEM = /\$\$?\.Map\.Item\.Value((?:\.[A-Za-z_][\w]*)+)|\$states\.context\.Map\.Item\.Value((?:\.[A-Za-z_][\w]*)+)/g;
const JSONATA_LITERAL = /(-?\d+(?:\.\d+)?)|'([^']*)'|"([^"]*)"|\b(true|false)\b/g;

function addAll(model: InputModel, text: string, onPath?: (segments: string[]) => void): void {
  for (const re of [JSONPATH_IN_TEXT, CONTEXT_INPUT, JSONATA_INPUT, MAP_ITEM]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const segments = pathSegments(`$${m[1] ?? m[2]}`);
      if (!segments || segments.length === 0) continue;
      const node = nodeAt(model.root, segments)!;
      onPath?.(segments);
      void node;
    }
  }
}

/** Walks every string in a state (not its nested machines) for the paths it reads. */
function scanStrings(value: unknown, visit: (text: string) => void, skipNested: boolean): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const v of value) scanStrings(v, visit, false);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (skipNested && (k === 'Branches' || k === 'ItemProcessor' || k === 'Iterator')) continue;
      if (k === 'Choices') continue;
      visit(k);
      scanStrings(v, visit, false);
    }
  }
}

/** Values at, around and across a literal compared with `operator`. */
export function candidatesFor(valueType: string, literal: Json): Json[] {
  switch (valueType) {
    case 'number': {
      const n = literal as number;
      return [n, n + 1, n - 1, n + 0.5, String(n)];
    }
    case 'string': {
      const s = String(literal);
      if (s.includes('*')) return [s.replace(/\*/g, ''), s.replace(/\*/g, 'abc'), `zz${s.replace(/\*/g, '')}`, 1];
      return [s, `${s}x`, '', s.length > 0 ? s.slice(0, -1) : 'a', 1];
    }
    case 'timestamp': {
      const t = Date.parse(String(literal));
      if (Number.isNaN(t)) return [String(literal)];
      const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
      return [String(literal), iso(t + 1000), iso(t - 1000), 'not a timestamp'];
    }
    case 'boolean':
      return [literal, !literal, String(literal)];
    default:
      return [null, 'text', 1, true, '2024-01-01T00:00:00Z', []];
  }
}

function addChoiceRule(model: InputModel, rule: JsonPathChoiceRule): void {
  for (const nested of [...(rule.And ?? []), ...(rule.Or ?? []), ...(rule.Not ? [rule.Not] : [])]) addChoiceRule(model, nested);
  if (typeof rule.Variable !== 'string') return;
  const segments = pathSegments(rule.Variable);
  if (!segments) return;
  const node = nodeAt(model.root, segments)!;
  for (const [field, value] of Object.entries(rule)) {
    const op = choiceOperator(field);
    if (!op) continue;
    if (op.isPathVariant && typeof value === 'string') {
      // Compared with another path: give both the same kinds of values so equal and unequal happen.
      const other = pathSegments(value);
      const sample = op.valueType === 'number' ? 1 : op.valueType === 'boolean' ? true : op.valueType === 'timestamp' ? '2024-01-01T00:00:00Z' : 'a';
      node.candidates.push(...candidatesFor(op.valueType, sample));
      if (other) nodeAt(model.root, other)!.candidates.push(...candidatesFor(op.valueType, sample));
    } else node.candidates.push(...candidatesFor(op.valueType, value as Json));
  }
}

/** Paths read by the expressions assigned to each variable (`Assign`), so a condition on `$total` reaches what `$total` is computed from. */
type Assignments = Map<string, string[]>;

function collectAssignments(definitions: StateMachineDefinition[]): Assignments {
  const out: Assignments = new Map();
  const add = (assign: unknown) => {
    if (!assign || typeof assign !== 'object') return;
    for (const [key, value] of Object.entries(assign)) {
      const texts: string[] = [];
      scanStrings(value, (t) => texts.push(t), false);
      const name = key.replace(/\.\$$/, '');
      out.set(name, [...(out.get(name) ?? []), ...texts]);
    }
  };
  for (const definition of definitions) {
    walkStates(definition, ({ state }) => {
      add((state as { Assign?: unknown }).Assign);
      for (const c of (state as { Catch?: { Assign?: unknown }[] }).Catch ?? []) add(c.Assign);
      if (state.Type === 'Choice') for (const rule of state.Choices) add(rule.Assign);
    });
  }
  return out;
}

function addJsonataCondition(model: InputModel, condition: string, assignments: Assignments): void {
  const paths: string[][] = [];
  addAll(model, condition, (s) => paths.push(s));
  for (const m of condition.matchAll(/\$([A-Za-z_]\w*)(?!\w|\s*\()/g)) {
    if (m[1] === 'states') continue;
    for (const text of assignments.get(m[1]) ?? []) addAll(model, text, (s) => paths.push(s));
  }
  const literals: Json[] = [];
  JSONATA_LITERAL.lastIndex = 0;
  const text = condition.replace(/\$states\.[\w.[\]]+/g, '');
  for (let m = JSONATA_LITERAL.exec(text); m; m = JSONATA_LITERAL.exec(text)) {
    if (m[1] !== undefined) literals.push(Number(m[1]));
    else if (m[4] !== undefined) literals.push(m[4] === 'true');
    else literals.push(m[2] ?? m[3]);
  }
  for (const p of paths) {
    const node = nodeAt(model.root, p)!;
    for (const literal of literals) node.candidates.push(...candidatesFor(typeof literal === 'number' ? 'number' : typeof literal === 'boolean' ? 'boolean' : 'string', literal));
    // A condition may test the value itself (`{% $states.input.ok %}`): try both truth values.
    node.candidates.push(true, false, null);
  }
}

function addState(model: InputModel, state: State, assignments: Assignments): void {
  scanStrings(state, (text) => addAll(model, text), true);
  if (state.Type === 'Choice') {
    for (const rule of state.Choices) {
      if ('Condition' in rule && typeof rule.Condition === 'string') addJsonataCondition(model, rule.Condition, assignments);
      else addChoiceRule(model, rule as JsonPathChoiceRule);
      scanStrings({ Assign: rule.Assign, Output: (rule as { Output?: Json }).Output }, (text) => addAll(model, text), false);
    }
  }
  if (state.Type === 'Map') {
    const items = state.ItemsPath ?? (typeof state.Items === 'string' ? state.Items : undefined);
    const match = typeof items === 'string' ? (/\$states\.input((?:\.[\w]+)*)/.exec(items)?.[1] ?? (items.startsWith('$') ? items.slice(1) : undefined)) : undefined;
    if (match !== undefined) {
      const segments = pathSegments(`$${match}`);
      if (segments) nodeAt(model.root, segments)!.array = true;
    }
  }
  for (const field of ['SecondsPath', 'TimeoutSecondsPath', 'HeartbeatSecondsPath'] as const) {
    const path = (state as unknown as Record<string, unknown>)[field];
    const segments = typeof path === 'string' ? pathSegments(path) : undefined;
    if (segments) {
      const node = nodeAt(model.root, segments)!;
      node.numeric = true;
      node.candidates.push(0, 1, 30);
    }
  }
  const timestampPath = (state as { TimestampPath?: string }).TimestampPath;
  const ts = typeof timestampPath === 'string' ? pathSegments(timestampPath) : undefined;
  if (ts) nodeAt(model.root, ts)!.candidates.push('2024-01-01T00:00:10Z', '2023-12-31T00:00:00Z');
  if (state.Type === 'Task') {
    const errors = model.errorsByResource.get(state.Resource) ?? new Set<string>();
    for (const handler of [...(state.Retry ?? []), ...(state.Catch ?? [])]) for (const name of handler.ErrorEquals) errors.add(name);
    model.errorsByResource.set(state.Resource, errors);
    const resultPath = typeof state.ResultPath === 'string' ? pathSegments(state.ResultPath) : undefined;
    if (resultPath && resultPath.length > 0) {
      const list = model.resultPathsByResource.get(state.Resource) ?? [];
      list.push(resultPath);
      model.resultPathsByResource.set(state.Resource, list);
    }
    if (/\.waitForTaskToken$/.test(state.Resource) || /:activity:/.test(state.Resource) || state.TimeoutSeconds !== undefined || state.HeartbeatSeconds !== undefined || state.TimeoutSecondsPath !== undefined) {
      model.canHang.add(state.Resource);
    }
    if (/\.sync(:2)?$/.test(state.Resource)) model.sync.add(state.Resource);
    const resource = parseTaskResource(state.Resource);
    if (resource.kind === 'optimized' && resource.service === 'lambda' && resource.api === 'invoke' && resource.pattern === 'request-response') model.lambdaInvoke.add(state.Resource);
  }
}

/** The input model of one or more definitions (verify builds one from both versions). */
export function buildInputModel(definitions: StateMachineDefinition[]): InputModel {
  const model: InputModel = { root: newNode(), errorsByResource: new Map(), resultPathsByResource: new Map(), canHang: new Set(), sync: new Set(), lambdaInvoke: new Set() };
  const assignments = collectAssignments(definitions);
  const calledFromJsonata = new Set<string>();
  for (const definition of definitions) {
    walkStates(definition, ({ state, queryLanguage }) => {
      addState(model, state, assignments);
      if (state.Type === 'Task' && queryLanguage === 'JSONata') calledFromJsonata.add(state.Resource);
    });
  }
  // JSONata reads of `$states.result…` are modelled at the root, mixed with the input's: for a
  // resource a JSONata state calls, the model's value is no payload to unwrap.
  for (const resource of calledFromJsonata) model.lambdaInvoke.delete(resource);
  dedupe(model.root);
  return model;
}

function dedupe(node: PathNode): void {
  const seen = new Set<string>();
  node.candidates = node.candidates.filter((c) => {
    const key = JSON.stringify(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  for (const child of node.children.values()) dedupe(child);
}
