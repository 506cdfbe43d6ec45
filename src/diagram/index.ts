/**
 * Diagrams of state machines (SVG, Mermaid, DOT) and the run view of an execution, read from ASL
 * and AWS-format execution history only.
 *
 * @example
 * ```ts
 * import { renderDiagram, renderRunReport } from './diagram';
 * const svg = await renderDiagram(definition, 'svg');
 * const html = await renderRunReport(definition, execution.history(), { title: 'OrderFlow' });
 * ```
 */
export { renderDiagram, DIAGRAM_FORMATS, type DiagramFormat } from './render-diagram';
export { buildDiagramGraph, type DiagramGraph, type DiagramNode, type DiagramEdge, type DiagramScope } from './graph';
export { layoutDiagram, type DiagramLayout } from './layout';
export { renderSvg, type SvgOptions } from './svg';
export { renderMermaid } from './mermaid';
export { renderDot } from './dot';
export { renderRunView, renderRunReport, renderRunComparison, RUN_VIEW_CSS, type RunComparisonOptions, type RunViewInput, type RunViewPart } from './run/run-view';
export { buildRunModel, stateOutcome, type RunModel, type Visit, type VisitOutcome, type StateOutcome } from './run/run-model';
export { writeRunReportFile } from './run/write-report';
