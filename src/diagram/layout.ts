/**
 * Places the diagram model with ELK's layered algorithm (elkjs): boxes top to bottom, Parallel
 * branches and Map processors as nested frames (ELK compound nodes), orthogonal edges with their
 * labels placed by ELK so that nothing overlaps. Sizes come from measured text.
 */
import { createRequire } from 'node:module';
import type ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { DiagramEdge, DiagramGraph, DiagramNode, DiagramScope } from './graph';
import { textWidth, truncate } from './text-width';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A node with its absolute box; a Parallel/Map node is a frame holding its scopes. */
export interface PlacedNode {
  node: DiagramNode;
  box: Box;
  /** Parallel: one frame per branch; Map: the processor (drawn inside the Map frame itself). */
  scopes: PlacedScope[];
  /** Text lines as drawn (possibly truncated). */
  title: string;
  detail: string;
}

export interface PlacedScope {
  scope: DiagramScope;
  /** The frame (absent for the top level and for a Map's processor, drawn by the Map's own frame). */
  box?: Box;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

export interface PlacedEdge {
  edge: DiagramEdge;
  points: Point[];
  label?: { text: string; box: Box };
}

/** A {@link DiagramGraph} with every node, scope and edge placed (elkjs's layered layout), in SVG units. */
export interface DiagramLayout {
  width: number;
  height: number;
  root: PlacedScope;
}

/** Sizes shared by the layout and the SVG renderer. */
export const METRICS = {
  nameSize: 13,
  detailSize: 11,
  labelSize: 11,
  boxHeight: 46,
  markerHeight: 28,
  /** A frame's header (state name + type) height. */
  frameHeader: 42,
  /** A Parallel branch frame's header height. */
  branchHeader: 22,
  padding: 12,
  maxLabel: 48,
  maxName: 60,
  maxDetail: 48,
} as const;

const ROOT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.spacing.nodeNode': '32',
  'elk.spacing.edgeNode': '16',
  'elk.spacing.edgeEdge': '12',
  'elk.spacing.edgeLabel': '4',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.layered.spacing.edgeNodeBetweenLayers': '16',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '12',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
};

// Inline labels sit on their edge (drawn on a white background), so a label is never read as
// belonging to a neighbouring edge.
const LABEL_OPTIONS = { 'elk.edgeLabels.inline': 'true', 'elk.edgeLabels.placement': 'CENTER' };

let elk: InstanceType<typeof ELK> | undefined;

/**
 * ELK, loaded on the first layout (the SVG and the run report; Mermaid and DOT read only
 * `METRICS`) and with `require`: imported as an ES module, Node first scans the 1.5 MB CommonJS
 * bundle for export names. Measured on this repository's 2-core machine: 220 ms as an import,
 * 105 ms with require in plain Node; 360 and 125 ms under tsx (`npm run build`).
 */
function layoutEngine(): InstanceType<typeof ELK> {
  return (elk ??= new ((createRequire(import.meta.url) as (id: string) => typeof ELK)('elkjs/lib/elk.bundled.js'))());
}

/**
 * Lays out `graph`; resolves to absolute boxes, edge routes and label boxes.
 *
 * @example
 * const layout = await layoutDiagram(buildDiagramGraph(definition));
 * layout.width; // the drawing's width in px
 */
export async function layoutDiagram(graph: DiagramGraph): Promise<DiagramLayout> {
  const root: ElkNode = { id: 'root', layoutOptions: ROOT_OPTIONS, children: graph.root.nodes.map(elkNode), edges: graph.root.edges.map(elkEdge) };
  const laid = await layoutEngine().layout(root);
  const placedRoot = placeScope(graph.root, laid, { x: 0, y: 0 }, false);
  return { width: Math.ceil(laid.width ?? 0), height: Math.ceil(laid.height ?? 0), root: placedRoot };
}

function frameOptions(top: number, minWidth: number): Record<string, string> {
  return {
    ...ROOT_OPTIONS,
    'elk.padding': `[top=${top},left=${METRICS.padding},bottom=${METRICS.padding},right=${METRICS.padding}]`,
    'elk.nodeSize.constraints': 'MINIMUM_SIZE',
    'elk.nodeSize.minimum': `(${minWidth},${top + METRICS.padding})`,
    'elk.contentAlignment': 'H_CENTER V_TOP',
  };
}

function nodeText(node: DiagramNode): { title: string; detail: string; width: number } {
  const title = truncate(node.name, METRICS.maxName);
  const detail = truncate(node.detail, METRICS.maxDetail);
  const width = Math.max(textWidth(title, METRICS.nameSize, true), textWidth(detail, METRICS.detailSize)) + 2 * METRICS.padding;
  return { title, detail, width };
}

function elkNode(node: DiagramNode): ElkNode {
  const { width } = nodeText(node);
  if (node.kind !== 'state') return { id: node.id, width: Math.max(64, width), height: METRICS.markerHeight };
  if (node.scopes.length === 0) return { id: node.id, width: Math.max(120, width), height: METRICS.boxHeight };
  if (node.type === 'Map' && node.scopes.length === 1) {
    // The Map frame holds its processor's states directly, as the console draws it.
    const scope = node.scopes[0];
    return { id: node.id, layoutOptions: frameOptions(METRICS.frameHeader, width), children: scope.nodes.map(elkNode), edges: scope.edges.map(elkEdge) };
  }
  return {
    id: node.id,
    // Branches side by side, as the console draws them (ELK would stack unconnected components).
    layoutOptions: { ...frameOptions(METRICS.frameHeader, width), 'elk.separateConnectedComponents': 'false' },
    children: node.scopes.map((scope) => ({
      id: scope.id,
      layoutOptions: frameOptions(METRICS.branchHeader, textWidth(scope.label, METRICS.labelSize, true) + 2 * METRICS.padding),
      children: scope.nodes.map(elkNode),
      edges: scope.edges.map(elkEdge),
    })),
  };
}

function elkEdge(edge: DiagramEdge): ElkExtendedEdge {
  const label = edge.label === undefined ? undefined : truncate(edge.label, METRICS.maxLabel);
  return {
    id: edge.id,
    sources: [edge.from],
    targets: [edge.to],
    ...(label ? { labels: [{ id: `${edge.id}-label`, text: label, layoutOptions: LABEL_OPTIONS, width: textWidth(label, METRICS.labelSize) + 8, height: METRICS.labelSize + 6 }] } : {}),
  };
}

function placeScope(scope: DiagramScope, laid: ElkNode, origin: Point, framed: boolean): PlacedScope {
  const byId = new Map((laid.children ?? []).map((child) => [child.id, child]));
  const nodes = scope.nodes.map((node) => placeNode(node, byId.get(node.id)!, origin));
  const edgesById = new Map((laid.edges ?? []).map((edge) => [edge.id, edge]));
  const edges = scope.edges.map((edge) => placeEdge(edge, edgesById.get(edge.id)!, origin));
  const placed: PlacedScope = { scope, nodes, edges };
  if (framed) placed.box = { x: origin.x, y: origin.y, width: laid.width ?? 0, height: laid.height ?? 0 };
  return placed;
}

function placeNode(node: DiagramNode, laid: ElkNode, origin: Point): PlacedNode {
  const box = { x: origin.x + (laid.x ?? 0), y: origin.y + (laid.y ?? 0), width: laid.width ?? 0, height: laid.height ?? 0 };
  const { title, detail } = nodeText(node);
  let scopes: PlacedScope[] = [];
  if (node.scopes.length > 0) {
    if (node.type === 'Map' && node.scopes.length === 1) scopes = [placeScope(node.scopes[0], laid, box, false)];
    else {
      const frames = new Map((laid.children ?? []).map((child) => [child.id, child]));
      scopes = node.scopes.map((scope) => {
        const frame = frames.get(scope.id)!;
        return placeScope(scope, frame, { x: box.x + (frame.x ?? 0), y: box.y + (frame.y ?? 0) }, true);
      });
    }
  }
  return { node, box, scopes, title, detail };
}

function placeEdge(edge: DiagramEdge, laid: ElkExtendedEdge, origin: Point): PlacedEdge {
  const points: Point[] = [];
  for (const section of laid.sections ?? []) {
    points.push(section.startPoint, ...(section.bendPoints ?? []), section.endPoint);
  }
  const shifted = points.map((p) => ({ x: origin.x + p.x, y: origin.y + p.y }));
  const label = laid.labels?.[0];
  return {
    edge,
    points: shifted,
    ...(label?.text
      ? { label: { text: label.text, box: { x: origin.x + (label.x ?? 0), y: origin.y + (label.y ?? 0), width: label.width ?? 0, height: label.height ?? 0 } } }
      : {}),
  };
}
