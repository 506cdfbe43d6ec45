import { describe, expect, it } from 'vitest';
import type { StateMachineDefinition } from '../../src/asl/types';
import { buildDiagramGraph, renderDiagram } from '../../src/diagram';
import { ruleLabel } from '../../src/diagram/rule-label';
import { countStates, exampleDefinitions, largeWorkflow } from './fixtures';

const examples = exampleDefinitions();

describe('diagram text outputs of the examples (golden files)', () => {
  it('finds the examples', () => expect(examples.length).toBeGreaterThanOrEqual(5));
  for (const [name, definition] of examples) {
    it(`${name}: Mermaid`, async () => {
      await expect(await renderDiagram(definition, 'mermaid')).toMatchFileSnapshot(`golden/${name}.mmd`);
    });
    it(`${name}: DOT`, async () => {
      await expect(await renderDiagram(definition, 'dot', name)).toMatchFileSnapshot(`golden/${name}.dot`);
    });
  }
});

/** The state names of a definition, branches and processors included. */
function stateNames(machine: { States: StateMachineDefinition['States'] }): string[] {
  return Object.entries(machine.States).flatMap(([name, state]) => [
    name,
    ...(state.Type === 'Parallel' ? state.Branches.flatMap(stateNames) : []),
    ...(state.Type === 'Map' && state.ItemProcessor ? stateNames(state.ItemProcessor) : []),
  ]);
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('SVG structure', () => {
  for (const [name, definition] of [...examples, ['Large60', largeWorkflow(60)] as [string, StateMachineDefinition]]) {
    it(`${name}: one group per state, Start/End markers, every transition an edge, Catch edges marked`, async () => {
      const svg = await renderDiagram(definition, 'svg');
      expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
      const names = stateNames(definition);
      for (const state of names) expect(svg).toContain(`data-state="${attr(state)}"`);
      expect(svg.match(/data-state="/g)?.length).toBe(names.length);
      expect(svg).toContain('id="sc_start"');
      expect(svg).toContain('id="sc_end"');
      const graph = buildDiagramGraph(definition);
      const edges: string[] = [];
      const collect = (scope: typeof graph.root) => {
        for (const e of scope.edges) edges.push(e.kind);
        for (const n of scope.nodes) n.scopes.forEach(collect);
      };
      collect(graph.root);
      expect(svg.match(/<g class="edge /g)?.length).toBe(edges.length);
      expect(svg.match(/<g class="edge k-catch/g)?.length ?? 0).toBe(edges.filter((k) => k === 'catch').length);
      // Every path has real coordinates (no NaN from a missing layout).
      expect(svg).not.toMatch(/NaN|undefined/);
    });
  }

  it('draws Parallel branches and Map processors as nested frames', async () => {
    const svg = await renderDiagram(largeWorkflow(10), 'svg');
    expect(svg).toMatch(/<g class="state frame t-Parallel" id="s\d+" data-state="Step 005">/);
    expect(svg).toMatch(/<g class="state frame t-Map" id="s\d+" data-state="Step 008">/);
    expect(svg.match(/<g class="branch" data-branch="Branch \d">/g)?.length).toBe(2);
  });

  it('the 60-state workflow has 60+ states', () => expect(countStates(largeWorkflow(60))).toBeGreaterThanOrEqual(60));
});

describe('edge labels', () => {
  it('renders Choice rules readably', () => {
    expect(ruleLabel({ Variable: '$.status', NumericEquals: 0, Next: 'A' })).toBe('$.status == 0');
    expect(ruleLabel({ Variable: '$.a', NumericLessThanPath: '$.b', Next: 'A' })).toBe('$.a < $.b');
    expect(ruleLabel({ Variable: '$.name', StringMatches: 'log-*', Next: 'A' })).toBe('$.name matches "log-*"');
    expect(ruleLabel({ Variable: '$.vip', IsPresent: false, Next: 'A' })).toBe('$.vip is not present');
    expect(ruleLabel({ And: [{ Variable: '$.t', NumericGreaterThan: 5 }, { Or: [{ Variable: '$.x', BooleanEquals: true }, { Not: { Variable: '$.y', IsNull: true } }] }], Next: 'A' })).toBe(
      '$.t > 5 and ($.x == true or not $.y is null)',
    );
    expect(ruleLabel({ Condition: '{% $states.input.total > 500 %}', Next: 'A' })).toBe('$states.input.total > 500');
  });

  it('joins two rules leading to one state on one edge, and labels Default and Catch edges', () => {
    const graph = buildDiagramGraph({
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Variable: '$.a', StringEquals: 'x', Next: 'T' }, { Variable: '$.a', StringEquals: 'y', Next: 'T' }], Default: 'D' },
        T: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Catch: [{ ErrorEquals: ['States.Timeout', 'X'], Next: 'D' }], End: true },
        D: { Type: 'Succeed' },
      },
    });
    const labels = graph.root.edges.map((e) => [e.kind, e.label]);
    expect(labels).toContainEqual(['choice', '$.a == "x" | $.a == "y"']);
    expect(labels).toContainEqual(['default', 'Default']);
    expect(labels).toContainEqual(['catch', 'States.Timeout, X']);
  });
});

describe('Mermaid escaping', () => {
  it('keeps quotes, brackets and # inside labels from breaking the syntax', async () => {
    const text = await renderDiagram(
      { StartAt: 'Say "hi" <now> #1', States: { 'Say "hi" <now> #1': { Type: 'Choice', Choices: [{ Variable: '$.n', NumericLessThan: 3, Next: 'end' }], Default: 'end' }, end: { Type: 'Succeed' } } },
      'mermaid',
    );
    expect(text).toContain('s0{{"Say #34;hi#34; #60;now#62; #35;1"}}');
    expect(text).toContain('-->|"$.n #60; 3 | Default"|');
    // A state called 'end' is a box, not the end of a subgraph: ids are generated.
    expect(text).toMatch(/^ {2}s1\(\["end"\]\)$/m);
  });
});
