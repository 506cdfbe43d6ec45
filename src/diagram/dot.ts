/**
 * The diagram as Graphviz DOT: Parallel and Map are clusters (one nested cluster per branch),
 * Catch edges dashed and red; an edge into or out of a Parallel/Map is drawn to the cluster's
 * border (`compound=true` with `lhead`/`ltail`) through the first state inside it.
 */
import type { DiagramEdge, DiagramGraph, DiagramNode, DiagramScope } from './graph';
import { METRICS } from './layout';
import { CATCH_COLOUR, TYPE_COLOURS } from './styles';
import { FONT_FAMILY, truncate } from './text-width';

/**
 * Renders `graph` as a DOT `digraph` named `name`.
 *
 * @example
 * renderDot(buildDiagramGraph(definition), 'OrderFlow'); // 'digraph "OrderFlow" {…}'
 */
export function renderDot(graph: DiagramGraph, name = 'StateMachine'): string {
  const font = FONT_FAMILY.split(',')[0];
  const lines = [
    `digraph ${quote(name)} {`,
    `  graph [rankdir=TB, compound=true, fontname=${quote(font)}, fontsize=11, nodesep=0.4, ranksep=0.45];`,
    `  node [shape=box, style="rounded,filled", fontname=${quote(font)}, fontsize=11];`,
    `  edge [fontname=${quote(font)}, fontsize=10, color="#545b64"];`,
  ];
  const clusters = new Map<string, DiagramNode>();
  writeScope(graph.root, '  ', lines, clusters);
  writeEdges(graph.root, lines, clusters);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function writeScope(scope: DiagramScope, indent: string, lines: string[], clusters: Map<string, DiagramNode>): void {
  for (const node of scope.nodes) {
    if (node.scopes.length === 0) {
      lines.push(`${indent}${node.id} [${nodeAttributes(node)}];`);
      continue;
    }
    clusters.set(node.id, node);
    const colours = TYPE_COLOURS[node.type!];
    lines.push(
      `${indent}subgraph cluster_${node.id} {`,
      `${indent}  label=${quote(`${node.name}\n${node.detail || node.type}`)}; labeljust=l; style="dashed,rounded,filled"; fillcolor=${quote(colours.fill)}; color=${quote(colours.stroke)};`,
    );
    if (node.type === 'Map' && node.scopes.length === 1) writeScope(node.scopes[0], `${indent}  `, lines, clusters);
    else {
      for (const branch of node.scopes) {
        lines.push(`${indent}  subgraph cluster_${branch.id} {`, `${indent}    label=${quote(branch.label)}; labeljust=l; style="rounded,filled"; fillcolor="#ffffff"; color="#c6c6cd";`);
        writeScope(branch, `${indent}    `, lines, clusters);
        lines.push(`${indent}  }`);
      }
    }
    lines.push(`${indent}}`);
  }
}

function writeEdges(scope: DiagramScope, lines: string[], clusters: Map<string, DiagramNode>): void {
  for (const edge of scope.edges) {
    if (edge.from === edge.to && clusters.has(edge.from)) {
      // A Parallel/Map back to itself (a Catch that starts it over): Graphviz cannot clip an edge to
      // the cluster it starts in ("tail is inside head cluster"), so the loop goes through a point
      // outside the cluster.
      const point = `${edge.from}_loop_${edge.kind}`;
      const style = edgeAttributes(edge);
      lines.push(`  ${point} [shape=point, width=0.05, label=""];`);
      lines.push(`  ${endpoint(edge.from, clusters, 'ltail', style)} -> ${point} [${[...style, 'arrowhead=none'].join(', ')}];`);
      const back = edge.kind === 'catch' ? ['style=dashed', `color=${quote(CATCH_COLOUR)}`] : [];
      lines.push(`  ${point} -> ${endpoint(edge.to, clusters, 'lhead', back)}${back.length ? ` [${back.join(', ')}]` : ''};`);
      continue;
    }
    const attributes: string[] = [];
    const from = endpoint(edge.from, clusters, 'ltail', attributes);
    const to = endpoint(edge.to, clusters, 'lhead', attributes);
    attributes.push(...edgeAttributes(edge));
    lines.push(`  ${from} -> ${to}${attributes.length ? ` [${attributes.join(', ')}]` : ''};`);
  }
  for (const node of scope.nodes) for (const child of node.scopes) writeEdges(child, lines, clusters);
}

/** An edge's label and, for a Catch, its dashed colour. */
function edgeAttributes(edge: DiagramEdge): string[] {
  const attributes: string[] = [];
  if (edge.label !== undefined) attributes.push(`label=${quote(truncate(edge.label, METRICS.maxLabel))}`);
  if (edge.kind === 'catch') attributes.push('style=dashed', `color=${quote(CATCH_COLOUR)}`, `fontcolor=${quote(CATCH_COLOUR)}`);
  return attributes;
}

/** A cluster's edges attach to its first plain state (found recursively) and are clipped at the cluster. */
function endpoint(id: string, clusters: Map<string, DiagramNode>, clip: 'ltail' | 'lhead', attributes: string[]): string {
  const cluster = clusters.get(id);
  if (!cluster) return id;
  attributes.push(`${clip}=cluster_${id}`);
  let node: DiagramNode | undefined = cluster;
  while (node && node.scopes.length > 0) node = node.scopes.find((scope) => scope.nodes.length > 0)?.nodes[0];
  return node?.id ?? id;
}

function nodeAttributes(node: DiagramNode): string {
  if (node.kind !== 'state') {
    const { fill } = TYPE_COLOURS.marker;
    return `label=${quote(node.name)}, shape=oval, fillcolor=${quote(fill)}, color=${quote(fill)}, fontcolor="#ffffff"`;
  }
  const { fill, stroke } = TYPE_COLOURS[node.type!];
  const label = node.detail && node.detail !== node.type ? `${node.name}\n${node.detail}` : node.name;
  return `label=${quote(label)}, fillcolor=${quote(fill)}, color=${quote(stroke)}`;
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
