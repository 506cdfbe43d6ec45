/**
 * One call from an ASL definition to a drawing in any of the three formats.
 */
import type { StateMachineDefinition } from '../asl/types';
import { renderDot } from './dot';
import { buildDiagramGraph } from './graph';
import { layoutDiagram } from './layout';
import { renderMermaid } from './mermaid';
import { renderSvg } from './svg';

import type { DiagramFormat } from './formats';

export { DIAGRAM_FORMATS, type DiagramFormat } from './formats';

/**
 * Draws `definition` as SVG (laid out by ELK), Mermaid flowchart text or Graphviz DOT.
 * `name` titles the DOT graph.
 *
 * @example
 * const svg = await renderDiagram(definition, 'svg');
 * const mermaid = await renderDiagram(definition, 'mermaid'); // paste into a ```mermaid block
 */
export async function renderDiagram(definition: StateMachineDefinition, format: DiagramFormat, name?: string): Promise<string> {
  const graph = buildDiagramGraph(definition);
  switch (format) {
    case 'mermaid':
      return renderMermaid(graph);
    case 'dot':
      return renderDot(graph, name);
    default:
      return renderSvg(await layoutDiagram(graph));
  }
}
