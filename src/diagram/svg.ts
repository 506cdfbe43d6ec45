/**
 * Draws a laid-out diagram as standalone SVG: boxes coloured by state type, frames for Parallel
 * branches and Map processors, Start/End markers, solid transitions, dashed Catch edges, labels
 * on a white background. Every state is a `<g class="state" data-state="Name">` so a page (the run
 * view) can style and click it; full texts are in `<title>` tooltips.
 */
import type { DiagramLayout, PlacedEdge, PlacedNode, PlacedScope } from './layout';
import { METRICS } from './layout';
import { FONT_FAMILY } from './text-width';

/** How `renderSvg` decorates a laid-out diagram (the run view uses it to colour states and edges by outcome). */
export interface SvgOptions {
  /** Extra classes for a state's group (the run view adds its outcome). */
  stateClass?: (name: string) => string | undefined;
  /** Extra classes for an edge's group. */
  edgeClass?: (edge: PlacedEdge) => string | undefined;
  /** Leave out the `<?xml …?>` prolog and the inline style (when the SVG is embedded in a page that styles it). */
  embedded?: boolean;
}

/** The diagram's stylesheet (also used by the run view page). */
export const DIAGRAM_CSS = `
.sc-diagram { font-family: ${FONT_FAMILY}; }
.sc-diagram .box { stroke-width: 1.5; }
.sc-diagram .name { font-size: ${METRICS.nameSize}px; font-weight: bold; fill: #16191f; }
.sc-diagram .detail { font-size: ${METRICS.detailSize}px; fill: #545b64; }
.sc-diagram .t-Task .box { fill: #e8f1fb; stroke: #0972d3; }
.sc-diagram .t-Choice .box { fill: #fef6e0; stroke: #b7860b; }
.sc-diagram .t-Pass .box { fill: #f2f3f3; stroke: #7d8998; }
.sc-diagram .t-Wait .box { fill: #f3ecfc; stroke: #8a5cd6; }
.sc-diagram .t-Succeed .box { fill: #e9f7ec; stroke: #1d8102; }
.sc-diagram .t-Fail .box { fill: #fdecea; stroke: #d13212; }
.sc-diagram .t-Parallel > .box, .sc-diagram .t-Map > .box { fill: #fbfbfc; stroke: #7d8998; stroke-dasharray: 6 3; }
.sc-diagram .branch > .box { fill: #ffffff; stroke: #c6c6cd; }
.sc-diagram .branch-label { font-size: ${METRICS.labelSize}px; font-weight: bold; fill: #687078; }
.sc-diagram .marker .box { fill: #232f3e; stroke: #232f3e; }
.sc-diagram .marker .name { fill: #ffffff; font-size: 12px; }
.sc-diagram .edge path { fill: none; stroke: #545b64; stroke-width: 1.4; }
.sc-diagram .edge.k-catch path { stroke: #d13212; stroke-dasharray: 5 4; }
.sc-diagram .edge-label rect { fill: #ffffff; stroke: none; opacity: 0.92; }
.sc-diagram .edge-label text { font-size: ${METRICS.labelSize}px; fill: #16191f; }
.sc-diagram .edge.k-catch .edge-label text { fill: #d13212; }
.sc-diagram .edge.k-default .edge-label text { fill: #687078; font-style: italic; }
`;

const TYPE_NAMES: Record<string, string> = { Parallel: 'Parallel', Map: 'Map' };

/**
 * Renders the SVG text of a laid-out diagram.
 *
 * @example
 * const svg = renderSvg(await layoutDiagram(buildDiagramGraph(definition)));
 * writeFileSync('order.svg', svg);
 */
export function renderSvg(layout: DiagramLayout, options: SvgOptions = {}): string {
  const out: string[] = [];
  if (!options.embedded) out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="sc-diagram" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img">`,
  );
  if (!options.embedded) out.push(`<style>${DIAGRAM_CSS}</style>`);
  out.push(
    '<defs>',
    '<marker id="sc-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker>',
    '</defs>',
    `<rect width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`,
  );
  drawScope(layout.root, options, out);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

// Frames first, then edges, then boxes and labels, so that nothing is hidden behind a frame.
function drawScope(scope: PlacedScope, options: SvgOptions, out: string[]): void {
  for (const node of scope.nodes) if (node.scopes.length > 0) drawFrame(node, options, out);
  for (const edge of scope.edges) drawEdge(edge, options, out);
  for (const node of scope.nodes) if (node.scopes.length === 0) drawBox(node, options, out);
}

function stateAttributes(node: PlacedNode, options: SvgOptions, base: string): string {
  const extra = node.node.kind === 'state' ? options.stateClass?.(node.node.name) : undefined;
  const type = node.node.type ? ` t-${node.node.type}` : '';
  const data = node.node.kind === 'state' ? ` data-state="${attr(node.node.name)}"` : '';
  return `class="${base}${type}${extra ? ` ${extra}` : ''}" id="${node.node.id}"${data}`;
}

function drawBox(placed: PlacedNode, options: SvgOptions, out: string[]): void {
  const { box, node } = placed;
  const marker = node.kind !== 'state';
  out.push(`<g ${stateAttributes(placed, options, marker ? 'marker' : 'state')}>`);
  out.push(`<title>${text(marker ? node.name : `${node.name} (${node.type})${node.detail && node.detail !== node.type ? ` — ${node.detail}` : ''}`)}</title>`);
  const radius = marker ? box.height / 2 : 6;
  out.push(`<rect class="box" x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="${radius}" ry="${radius}"/>`);
  const cx = box.x + box.width / 2;
  if (marker || !placed.detail) {
    out.push(`<text class="name" x="${cx}" y="${box.y + box.height / 2}" text-anchor="middle" dominant-baseline="central">${text(placed.title)}</text>`);
  } else {
    out.push(`<text class="name" x="${cx}" y="${box.y + 19}" text-anchor="middle">${text(placed.title)}</text>`);
    out.push(`<text class="detail" x="${cx}" y="${box.y + 35}" text-anchor="middle">${text(placed.detail)}</text>`);
  }
  out.push('</g>');
}

function drawFrame(placed: PlacedNode, options: SvgOptions, out: string[]): void {
  const { box } = placed;
  out.push(`<g ${stateAttributes(placed, options, 'state frame')}>`);
  out.push(`<title>${text(`${placed.node.name} (${placed.node.type})`)}</title>`);
  out.push(`<rect class="box" x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="8" ry="8"/>`);
  out.push(`<text class="name" x="${box.x + METRICS.padding}" y="${box.y + 18}">${text(placed.title)}</text>`);
  out.push(`<text class="detail" x="${box.x + METRICS.padding}" y="${box.y + 33}">${text(placed.detail || TYPE_NAMES[placed.node.type ?? ''] || '')}</text>`);
  out.push('</g>');
  for (const scope of placed.scopes) {
    if (scope.box) {
      const b = scope.box;
      out.push(`<g class="branch" data-branch="${attr(scope.scope.label)}">`);
      out.push(`<rect class="box" x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="6" ry="6"/>`);
      out.push(`<text class="branch-label" x="${b.x + METRICS.padding}" y="${b.y + 15}">${text(scope.scope.label)}</text>`);
      out.push('</g>');
    }
    drawScope(scope, options, out);
  }
}

function drawEdge(placed: PlacedEdge, options: SvgOptions, out: string[]): void {
  const { edge, points } = placed;
  if (points.length < 2) return;
  const extra = options.edgeClass?.(placed);
  out.push(`<g class="edge k-${edge.kind}${extra ? ` ${extra}` : ''}" data-from="${edge.from}" data-to="${edge.to}">`);
  if (edge.label !== undefined) out.push(`<title>${text(edge.label)}</title>`);
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join(' ');
  out.push(`<path d="${d}" marker-end="url(#sc-arrow)"/>`);
  if (placed.label) {
    const b = placed.label.box;
    out.push('<g class="edge-label">');
    out.push(`<rect x="${round(b.x)}" y="${round(b.y)}" width="${round(b.width)}" height="${round(b.height)}" rx="3"/>`);
    out.push(`<text x="${round(b.x + b.width / 2)}" y="${round(b.y + b.height / 2)}" text-anchor="middle" dominant-baseline="central">${text(placed.label.text)}</text>`);
    out.push('</g>');
  }
  out.push('</g>');
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Escapes text content for XML/HTML. */
export function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value for XML/HTML. */
export function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}
