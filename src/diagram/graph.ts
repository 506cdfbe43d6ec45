/**
 * The diagram's model of a state machine, before layout: one scope per `States` object (the top
 * level, each Parallel branch, each Map processor), its boxes and its labelled edges. Every
 * output format (SVG, Mermaid, DOT, the run view) is drawn from this one model.
 */
import type { NestedStateMachine, State, StateMachineDefinition, StateType } from '../asl/types';
import { parseTaskResource, patternSuffix } from '../asl/task-resource';
import { catchLabel, ruleLabel } from './rule-label';
import { childMachinesOf, isTerminal, transitionsOf, type TransitionKind } from './states';

/** A box: a state (Parallel and Map hold scopes), or the Start / End marker of the top level. */
export interface DiagramNode {
  /** A short identifier safe in SVG, Mermaid and DOT (`s0`, `s1`, …, `sc_start`, `sc_end`). */
  id: string;
  kind: 'state' | 'start' | 'end';
  /** The state name (`Start` / `End` for the markers). */
  name: string;
  type?: StateType;
  /** A second line: the resource, the wait, the error… (may be empty). */
  detail: string;
  /** Parallel: one scope per branch; Map: the item processor. */
  scopes: DiagramScope[];
}

// Not `end`: Mermaid reads a node called `end` as the end of a subgraph.
export const START_ID = 'sc_start';
export const END_ID = 'sc_end';

export type DiagramEdgeKind = TransitionKind | 'start' | 'end';

/** A transition drawn as an arrow: `Next`, a Choice rule or `Default`, a catcher, or the start/end markers. */
export interface DiagramEdge {
  id: string;
  from: string;
  to: string;
  kind: DiagramEdgeKind;
  /** Choice rule text, `Default`, or a catcher's errors; several rules to one target are joined. */
  label?: string;
}

/** One `States` object laid out as a frame. */
export interface DiagramScope {
  id: string;
  /** `Branch 1`, `Item processor`; empty at the top level. */
  label: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

/**
 * A definition as a graph of states and transitions, scopes nested for Parallel branches and Map
 * processors — what every diagram format (SVG, Mermaid, DOT) draws from.
 */
export interface DiagramGraph {
  root: DiagramScope;
  /** State name → node id (names are unique in a definition, branches included). */
  ids: Map<string, string>;
}

/**
 * Builds the model of `definition` (read as ASL; invalid parts are drawn as far as they make sense:
 * a transition to a missing state is left out).
 *
 * @example
 * const graph = buildDiagramGraph(JSON.parse(readFileSync('generated/Order.asl.json', 'utf8')));
 * graph.root.nodes.map((n) => n.name); // ['Start', 'Charge', …, 'End']
 */
export function buildDiagramGraph(definition: StateMachineDefinition): DiagramGraph {
  const ids = new Map<string, string>();
  let scopes = 0;
  let edges = 0;
  assignIds(definition, ids);

  const scopeOf = (machine: NestedStateMachine, label: string, top: boolean): DiagramScope => {
    const scope: DiagramScope = { id: `g${scopes++}`, label, nodes: [], edges: [] };
    const states = isObject(machine.States) ? (machine.States as Record<string, State>) : {};
    const byKey = new Map<string, DiagramEdge>();
    const addEdge = (from: string, to: string, kind: DiagramEdgeKind, label?: string) => {
      const key = `${from}\u0000${to}\u0000${kind === 'default' ? 'choice' : kind}`;
      const existing = byKey.get(key);
      if (existing) {
        // Two rules (or catchers) leading to one state: one arrow carrying both labels.
        existing.label = [existing.label, label].filter(Boolean).join(' | ') || undefined;
        return;
      }
      const edge: DiagramEdge = { id: `e${edges++}`, from, to, kind, ...(label ? { label } : {}) };
      byKey.set(key, edge);
      scope.edges.push(edge);
    };
    if (top) scope.nodes.push({ id: START_ID, kind: 'start', name: 'Start', detail: '', scopes: [] });
    if (top && typeof machine.StartAt === 'string' && ids.has(machine.StartAt) && machine.StartAt in states) addEdge(START_ID, ids.get(machine.StartAt)!, 'start');
    let ends = false;
    for (const [name, state] of Object.entries(states)) {
      if (!isObject(state)) continue;
      const id = ids.get(name)!;
      const children = childMachinesOf(state).map((child, index, all) =>
        scopeOf(child, state.Type === 'Map' ? 'Item processor' : all.length > 1 ? `Branch ${index + 1}` : 'Branch', false),
      );
      scope.nodes.push({ id, kind: 'state', name, type: state.Type, detail: detailOf(state), scopes: children });
      // Choice rules in their order, then Default, then catchers: ELK keeps this order left to right.
      for (const transition of transitionsOf(state).sort((a, b) => EDGE_ORDER[a.kind] - EDGE_ORDER[b.kind])) {
        if (!(transition.target in states)) continue;
        addEdge(id, ids.get(transition.target)!, transition.kind, edgeLabel(state, transition.kind, transition.index));
      }
      if (top && isTerminal(state)) {
        addEdge(id, END_ID, 'end');
        ends = true;
      }
    }
    if (top && ends) scope.nodes.push({ id: END_ID, kind: 'end', name: 'End', detail: '', scopes: [] });
    return scope;
  };

  return { root: scopeOf(definition, '', true), ids };
}

const EDGE_ORDER: Record<TransitionKind, number> = { next: 0, choice: 1, default: 2, catch: 3 };

function assignIds(machine: NestedStateMachine, ids: Map<string, string>): void {
  if (!isObject(machine.States)) return;
  for (const [name, state] of Object.entries(machine.States)) {
    if (!ids.has(name)) ids.set(name, `s${ids.size}`);
    if (isObject(state)) for (const child of childMachinesOf(state)) assignIds(child, ids);
  }
}

function edgeLabel(state: State, kind: TransitionKind, index: number | undefined): string | undefined {
  if (kind === 'default') return 'Default';
  if (kind === 'choice' && state.Type === 'Choice') return ruleLabel(state.Choices[index!]);
  if (kind === 'catch' && 'Catch' in state && state.Catch) return catchLabel(state.Catch[index!]);
  return undefined;
}

/** The box's second line, as the console shows it under the name. */
function detailOf(state: State): string {
  switch (state.Type) {
    case 'Task':
      return taskDetail(state.Resource);
    case 'Wait':
      if (state.Seconds !== undefined) return `Wait ${typeof state.Seconds === 'number' ? `${state.Seconds}s` : state.Seconds}`;
      if (state.Timestamp !== undefined) return `Wait until ${state.Timestamp}`;
      return `Wait ${state.SecondsPath ?? state.TimestampPath ?? ''}`.trim();
    case 'Fail':
      return state.Error ? `Fail: ${state.Error}` : 'Fail';
    case 'Map':
      return state.ItemProcessor?.ProcessorConfig?.Mode === 'DISTRIBUTED' ? 'Distributed Map' : 'Map';
    default:
      return state.Type;
  }
}

/** The resource as the console names it: `sqs:sendMessage.waitForTaskToken`, `Lambda: charge`, `Activity: ageCheck`. */
function taskDetail(resource: unknown): string {
  if (typeof resource !== 'string') return 'Task';
  const parsed = parseTaskResource(resource);
  switch (parsed.kind) {
    case 'lambda-function':
      return `Lambda: ${parsed.functionName}`;
    case 'activity':
      return `Activity: ${parsed.name}`;
    case 'optimized':
      return `${parsed.service}:${parsed.api}${patternSuffix(parsed.pattern)}`;
    case 'aws-sdk':
      return `aws-sdk:${parsed.service}:${parsed.action}${patternSuffix(parsed.pattern)}`;
    default:
      return resource;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
