/**
 * The diagram as Mermaid flowchart text, which GitHub renders in Markdown (```mermaid blocks):
 * Parallel and Map become subgraphs (one nested subgraph per branch), Catch edges are dotted and
 * red, Choice rules label their edges.
 */
import type { DiagramEdge, DiagramGraph, DiagramNode, DiagramScope } from './graph';
import { CATCH_COLOUR, TYPE_COLOURS } from './styles';
import { truncate } from './text-width';
import { METRICS } from './layout';

/**
 * Renders `graph` as a Mermaid `flowchart TD`.
 *
 * @example
 * renderMermaid(buildDiagramGraph(definition)); // 'flowchart TD\n  start(("Start"))\n  …'
 */
export function renderMermaid(graph: DiagramGraph): string {
  const lines = ['flowchart TD'];
  const edges: DiagramEdge[] = [];
  const classes = new Map<string, string[]>();
  writeScope(graph.root, '  ', lines, edges, classes);
  edges.forEach((edge) => lines.push(`  ${edge.from} ${arrow(edge)} ${edge.to}`));
  for (const [type, { fill, stroke }] of Object.entries(TYPE_COLOURS)) {
    if (classes.has(type)) lines.push(`  classDef ${type.toLowerCase()} fill:${fill},stroke:${stroke}${type === 'marker' ? ',color:#ffffff' : ''}`);
  }
  for (const [type, ids] of classes) lines.push(`  class ${ids.join(',')} ${type.toLowerCase()}`);
  const catches = edges.flatMap((edge, index) => (edge.kind === 'catch' ? [index] : []));
  if (catches.length > 0) lines.push(`  linkStyle ${catches.join(',')} stroke:${CATCH_COLOUR},color:${CATCH_COLOUR}`);
  return `${lines.join('\n')}\n`;
}

function writeScope(scope: DiagramScope, indent: string, lines: string[], edges: DiagramEdge[], classes: Map<string, string[]>): void {
  for (const node of scope.nodes) {
    if (node.scopes.length === 0) {
      lines.push(`${indent}${node.id}${shape(node)}`);
      const type = node.kind === 'state' ? node.type! : 'marker';
      classes.set(type, [...(classes.get(type) ?? []), node.id]);
      continue;
    }
    lines.push(`${indent}subgraph ${node.id} ["${escape(`${node.name} (${node.detail || node.type})`)}"]`, `${indent}  direction TB`);
    if (node.type === 'Map' && node.scopes.length === 1) writeScope(node.scopes[0], `${indent}  `, lines, edges, classes);
    else {
      for (const branch of node.scopes) {
        lines.push(`${indent}  subgraph ${branch.id} ["${escape(branch.label)}"]`, `${indent}    direction TB`);
        writeScope(branch, `${indent}    `, lines, edges, classes);
        lines.push(`${indent}  end`);
      }
    }
    lines.push(`${indent}end`);
  }
  edges.push(...scope.edges);
}

function shape(node: DiagramNode): string {
  if (node.kind !== 'state') return `(("${escape(node.name)}"))`;
  const label = node.detail && node.detail !== node.type ? `${escape(node.name)}<br/>${escape(node.detail)}` : escape(node.name);
  switch (node.type) {
    case 'Choice':
      return `{{"${label}"}}`;
    case 'Succeed':
    case 'Fail':
      return `(["${label}"])`;
    case 'Pass':
    case 'Wait':
      return `("${label}")`;
    default:
      return `["${label}"]`;
  }
}

function arrow(edge: DiagramEdge): string {
  const label = edge.label === undefined ? '' : `|"${escape(truncate(edge.label, METRICS.maxLabel))}"|`;
  return `${edge.kind === 'catch' ? '-.->' : '-->'}${label}`;
}

// Mermaid's entity codes (`#34;`) keep quotes, brackets and '#' from ending a label or being read as HTML.
function escape(text: string): string {
  return text.replace(/[#"<>&]/g, (char) => `#${char.codePointAt(0)};`);
}
