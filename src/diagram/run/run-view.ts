/**
 * The run view: an execution drawn on its state machine's graph, the path coloured by outcome,
 * a details panel for the clicked state (input, output, parameters, error, retries; per-iteration
 * detail for Map, per-branch for Parallel) and a timeline of the history events with their
 * virtual times. One function returns the pieces (HTML, CSS, script) so that a page — the
 * `--report` file, the `serve` console, a side-by-side comparison — can mount it.
 */
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import type { StateMachineDefinition } from '../../asl/types';
import { buildDiagramGraph, END_ID, START_ID } from '../graph';
import { layoutDiagram, type PlacedEdge } from '../layout';
import { DIAGRAM_CSS, renderSvg, text } from '../svg';
import { FONT_FAMILY } from '../text-width';
import { RUN_VIEW_SCRIPT } from './run-view-script';
import { buildRunModel, stateOutcome, type RunModel } from './run-model';
import { packRunData } from './run-data';

/** One execution to draw as a run report: the ASL it ran and its history. */
export interface RunViewInput {
  /** The ASL the execution ran. */
  definition: StateMachineDefinition;
  /** Its history in AWS's `GetExecutionHistory` event format (the interpreter's `execution.history()`). */
  history: readonly HistoryEvent[];
  /** Shown above the graph (for example the state machine and execution names). */
  title?: string;
}

/** A mountable run view: put `css` in a `<style>`, `html` where the view goes, `script` in a `<script>` once per page. */
export interface RunViewPart {
  html: string;
  css: string;
  script: string;
}

/**
 * Renders one execution as a run view fragment. Self-contained: nothing is fetched.
 *
 * @example
 * const view = await renderRunView({ definition, history: execution.history(), title: 'OrderFlow' });
 * const page = `<style>${view.css}</style>${view.html}<script>${view.script}</script>`;
 */
export async function renderRunView(input: RunViewInput): Promise<RunViewPart> {
  return renderModelView(input, buildRunModel(input.history));
}

/** The view of `input` whose history reads as `model`; `differs` names states drawn as differing from another run. */
async function renderModelView(input: RunViewInput, model: RunModel, differs: ReadonlySet<string> = new Set()): Promise<RunViewPart> {
  const graph = buildDiagramGraph(input.definition);
  const names = new Map([...graph.ids].map(([name, id]) => [id, name]));
  const taken = new Set(model.transitions.map((t) => `${t.from}\u0000${t.to}\u0000${t.caught}`));
  const edgeClass = ({ edge }: PlacedEdge): string | undefined => {
    if (edge.from === START_ID) return model.started !== undefined && names.get(edge.to) === model.started ? 'taken' : undefined;
    if (edge.to === END_ID) return model.ended !== undefined && names.get(edge.from) === model.ended ? 'taken' : undefined;
    const key = `${names.get(edge.from)}\u0000${names.get(edge.to)}\u0000${edge.kind === 'catch'}`;
    return taken.has(key) ? `taken${edge.kind === 'catch' ? ' taken-catch' : ''}` : undefined;
  };
  const svg = renderSvg(await layoutDiagram(graph), {
    embedded: true,
    stateClass: (name) => `o-${stateOutcome(model.byState.get(name))}${differs.has(name) ? ' differs' : ''}`,
    edgeClass,
  });
  const title = input.title ?? 'Execution';
  const data = packRunData(input.definition, model, title);
  const html = [
    `<section class="sc-run" data-sc-run>`,
    `<header class="sc-run-head">${headerHtml(title, model)}</header>`,
    `<div class="sc-run-main">`,
    `<div class="sc-run-graph" tabindex="0">${svg}</div>`,
    `<aside class="sc-run-detail"><p class="sc-hint">Click a state to see its input, output, parameters, error and retries.</p></aside>`,
    `</div>`,
    `<div class="sc-run-timeline"><div class="sc-tl-head"><strong>Timeline</strong> <span class="sc-tl-count"></span> <input class="sc-tl-filter" type="search" placeholder="filter events (state, type)"></div><div class="sc-tl-scroll"><div class="sc-tl-space"></div></div></div>`,
    `<script type="application/json" class="sc-run-data">${jsonForScript(data)}</script>`,
    `</section>`,
  ].join('\n');
  return { html, css: RUN_VIEW_CSS, script: RUN_VIEW_SCRIPT };
}

function headerHtml(title: string, model: RunModel): string {
  const counts = new Map<string, number>();
  for (const name of model.byState.keys()) {
    const outcome = stateOutcome(model.byState.get(name));
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  }
  const legend = ['succeeded', 'retried', 'caught', 'failed', 'running', 'not-reached']
    .map((o) => `<span class="sc-legend o-${o}"><i></i>${o.replace('-', ' ')}${counts.has(o) ? ` (${counts.get(o)})` : ''}</span>`)
    .join(' ');
  const error = model.error !== undefined ? ` <span class="sc-error">${text(model.error)}${model.cause ? `: ${text(truncateText(model.cause, 200))}` : ''}</span>` : '';
  const duration = model.endTime !== undefined ? ` <span class="sc-muted">in ${(model.endTime / 1000).toFixed(3)} s virtual time · ${model.events.length} events</span>` : '';
  return `<h2>${text(title)} <span class="sc-status s-${model.status}">${model.status}</span>${duration}</h2><div class="sc-legend-row">${legend}${error}</div>`;
}

function truncateText(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/** JSON that cannot end its `<script>` element early. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const PAGE_CSS = `
body { margin: 0; font-family: ${FONT_FAMILY}; color: #16191f; background: #f2f3f3; }
.sc-page-title { margin: 0; padding: 10px 16px; font-size: 15px; background: #232f3e; color: #fff; }
.sc-compare { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; padding: 8px; }
.sc-compare > div > h3 { margin: 4px 0; font-size: 14px; }
.sc-compare-summary { margin: 8px; padding: 8px 12px; background: #fff; border: 1px solid #d5dbdb; border-left: 4px solid #8d6bd1; border-radius: 6px; font-size: 13px; }
.sc-compare-summary p { margin: 0 0 6px; }
.sc-compare-summary pre { margin: 0; font-size: 12px; white-space: pre-wrap; word-break: break-all; max-height: 200px; overflow: auto; background: #f7f8f8; padding: 6px; }
.sc-diagram .state.differs > .box { stroke: #8d6bd1; stroke-width: 4; stroke-dasharray: 7 3; }
.sc-legend.differs i { border-color: #8d6bd1; border-style: dashed; }
`;

/** The run view's stylesheet (scoped under `.sc-run`, plus the diagram's). */
export const RUN_VIEW_CSS = `${DIAGRAM_CSS}
.sc-run { font-family: ${FONT_FAMILY}; font-size: 13px; background: #fff; border: 1px solid #d5dbdb; border-radius: 6px; margin: 8px; display: flex; flex-direction: column; }
.sc-run-head { padding: 8px 12px; border-bottom: 1px solid #eaeded; }
.sc-run-head h2 { font-size: 16px; margin: 0 0 4px; }
.sc-status { font-size: 12px; padding: 2px 6px; border-radius: 4px; color: #fff; background: #687078; vertical-align: middle; }
.sc-status.s-SUCCEEDED { background: #1d8102; } .sc-status.s-FAILED, .sc-status.s-TIMED_OUT { background: #d13212; } .sc-status.s-ABORTED { background: #ec7211; } .sc-status.s-RUNNING { background: #0972d3; }
.sc-muted, .sc-hint { color: #687078; font-weight: normal; font-size: 12px; }
.sc-error { color: #d13212; font-size: 12px; }
.sc-legend-row { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; font-size: 12px; }
.sc-legend i { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 4px; vertical-align: -2px; border: 1.5px solid; }
.sc-run-main { display: flex; min-height: 320px; max-height: 72vh; }
.sc-run-graph { flex: 1 1 60%; overflow: auto; border-right: 1px solid #eaeded; outline: none; }
.sc-run-detail { flex: 0 0 38%; overflow: auto; padding: 8px 12px; box-sizing: border-box; }
.sc-run-detail h3 { margin: 4px 0 6px; font-size: 15px; }
.sc-run-detail h4 { margin: 10px 0 4px; font-size: 12px; text-transform: uppercase; color: #545b64; }
.sc-run-detail pre { background: #f7f8f8; border: 1px solid #eaeded; border-radius: 4px; padding: 6px; margin: 0; font-size: 12px; white-space: pre-wrap; word-break: break-all; max-height: 260px; overflow: auto; }
.sc-run-detail table { border-collapse: collapse; width: 100%; font-size: 12px; }
.sc-run-detail td, .sc-run-detail th { text-align: left; padding: 2px 4px; border-bottom: 1px solid #f2f3f3; vertical-align: top; }
.sc-list button, .sc-pager button, .sc-chip { font: inherit; font-size: 12px; cursor: pointer; }
.sc-list { display: flex; flex-direction: column; gap: 2px; max-height: 180px; overflow: auto; }
.sc-list button { text-align: left; background: #fff; border: 1px solid #eaeded; border-radius: 3px; padding: 2px 6px; }
.sc-list button.sel { border-color: #0972d3; background: #e8f1fb; }
.sc-chips { display: flex; flex-wrap: wrap; gap: 3px; }
.sc-chip { min-width: 34px; padding: 1px 4px; border: 1.5px solid; border-radius: 3px; background: #fff; }
.sc-pager { margin: 4px 0; display: flex; gap: 6px; align-items: center; font-size: 12px; }
.sc-run-timeline { border-top: 1px solid #eaeded; }
.sc-tl-head { padding: 6px 12px; display: flex; gap: 10px; align-items: center; }
.sc-tl-filter { font: inherit; font-size: 12px; padding: 2px 6px; width: 240px; }
.sc-tl-scroll { height: 220px; overflow: auto; position: relative; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
.sc-tl-row { position: absolute; left: 0; right: 0; height: 20px; line-height: 20px; padding: 0 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; cursor: pointer; }
.sc-tl-row:hover { background: #f2f8fd; }
.sc-tl-row .t { color: #687078; display: inline-block; width: 120px; }
.sc-tl-row.fail { color: #d13212; }
.sc-diagram .state { cursor: pointer; }
.sc-diagram .o-succeeded > .box, .sc-legend.o-succeeded i, .sc-chip.o-succeeded { fill: #e9f7ec; background: #e9f7ec; stroke: #1d8102; border-color: #1d8102; }
.sc-diagram .o-retried > .box, .sc-legend.o-retried i, .sc-chip.o-retried { fill: #fef6c6; background: #fef6c6; stroke: #b7860b; border-color: #b7860b; }
.sc-diagram .o-caught > .box, .sc-legend.o-caught i, .sc-chip.o-caught { fill: #ffe8d1; background: #ffe8d1; stroke: #ec7211; border-color: #ec7211; }
.sc-diagram .o-failed > .box, .sc-legend.o-failed i, .sc-chip.o-failed { fill: #fdd9d3; background: #fdd9d3; stroke: #d13212; border-color: #d13212; }
.sc-diagram .o-running > .box, .sc-legend.o-running i, .sc-chip.o-running { fill: #e8f1fb; background: #e8f1fb; stroke: #0972d3; border-color: #0972d3; stroke-dasharray: 4 2; }
.sc-diagram .o-not-reached > .box, .sc-legend.o-not-reached i, .sc-chip.o-not-reached { fill: #f7f7f7; background: #f7f7f7; stroke: #c6c6cd; border-color: #c6c6cd; }
.sc-diagram .o-not-reached > text { fill: #9aa0a6; }
.sc-diagram .frame.o-succeeded > .box, .sc-diagram .frame.o-retried > .box, .sc-diagram .frame.o-caught > .box, .sc-diagram .frame.o-failed > .box, .sc-diagram .frame.o-not-reached > .box { fill-opacity: 0.35; }
.sc-diagram .state > .box { stroke-width: 2; }
.sc-diagram .state.selected > .box { stroke-width: 4; stroke: #0972d3; }
.sc-diagram .edge { opacity: 0.45; }
.sc-diagram .edge.taken { opacity: 1; }
.sc-diagram .edge.taken path { stroke: #1d8102; stroke-width: 2.6; }
.sc-diagram .edge.taken-catch path { stroke: #ec7211; }
`;

/**
 * A complete, self-contained HTML page (no network requests) showing one execution.
 *
 * @example
 * writeFileSync('run.html', await renderRunReport({ definition, history: execution.history(), title: 'OrderFlow' }));
 */
export async function renderRunReport(input: RunViewInput): Promise<string> {
  const view = await renderRunView(input);
  return page(input.title ?? 'Execution', view.css, view.html, view.script);
}

/** How {@link renderRunComparison} titles and explains the comparison. */
export interface RunComparisonOptions {
  /** The page title. */
  title?: string;
  /** One sentence above the two views: what differs between the runs. */
  summary?: string;
  /** Preformatted text under the summary (for example the scenario both ran). */
  details?: string;
}

/**
 * Two executions side by side in one self-contained page (for example the same input run on two
 * versions of a workflow, as `verify` reports a counterexample). Both paths are coloured by
 * outcome; a state present in both versions whose outcome differs between the runs is outlined
 * (dashed, purple) in both views, so the fork is visible at a glance.
 *
 * @example
 * const html = await renderRunComparison({ definition: v1, history: h1, title: 'v1' }, { definition: v2, history: h2, title: 'v2' }, { summary: 'v2 skips Approve' });
 */
export async function renderRunComparison(left: RunViewInput, right: RunViewInput, options: string | RunComparisonOptions = {}): Promise<string> {
  const { title = 'Two runs side by side', summary, details } = typeof options === 'string' ? { title: options } : options;
  const models = [buildRunModel(left.history), buildRunModel(right.history)] as const;
  const differs = differingStates(left.definition, right.definition, models[0], models[1]);
  const [a, b] = await Promise.all([renderModelView(left, models[0], differs), renderModelView(right, models[1], differs)]);
  const head =
    summary === undefined && details === undefined && differs.size === 0
      ? ''
      : `<div class="sc-compare-summary">${summary !== undefined ? `<p><strong>${text(summary)}</strong></p>` : ''}${
          differs.size > 0 ? `<p><span class="sc-legend differs"><i></i></span>Outcome differs: ${[...differs].map((n) => text(n)).join(', ')}</p>` : ''
        }${details !== undefined ? `<pre>${text(details)}</pre>` : ''}</div>`;
  return page(title, a.css, `${head}<div class="sc-compare"><div>${a.html}</div><div>${b.html}</div></div>`, a.script);
}

/** States of both definitions whose outcome (colour) differs between the two runs. */
function differingStates(left: StateMachineDefinition, right: StateMachineDefinition, a: RunModel, b: RunModel): Set<string> {
  const inRight = new Set(buildDiagramGraph(right).ids.keys());
  const differs = new Set<string>();
  for (const name of buildDiagramGraph(left).ids.keys()) {
    if (inRight.has(name) && stateOutcome(a.byState.get(name)) !== stateOutcome(b.byState.get(name))) differs.add(name);
  }
  return differs;
}

function page(title: string, css: string, body: string, script: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    // Nothing may load from the network: the report is opened from disk or e-mailed.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${text(title)}</title>`,
    `<style>${PAGE_CSS}${css}</style>`,
    '</head><body>',
    `<h1 class="sc-page-title">${text(title)} — Statecraft run report</h1>`,
    body,
    `<script>${script}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}
