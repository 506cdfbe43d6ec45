/**
 * The DOT output as Graphviz reads it: `dot -Tsvg` (Debian's `graphviz` package; `.ci/run`
 * installs it) renders every example, the 60-state workflow and awkward names without an error
 * or a warning, and every state appears in the picture with its own box (its name as drawn text;
 * Parallel and Map as clusters).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { State, StateMachineDefinition } from '../../src/asl/types';
import { renderDiagram } from '../../src/diagram';
import { exampleDefinitions, largeWorkflow } from './fixtures';

const dotPath = (() => {
  try {
    return execFileSync('sh', ['-c', 'command -v dot'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
})();
const SKIP = 'Graphviz `dot` not found (apt-get install -y graphviz): DOT rendering tests skipped';
if (!dotPath) console.warn(SKIP);

/** Every state of a definition with whether it is drawn as a cluster (Parallel, Map). */
function statesOf(machine: { States: Record<string, State> }): [string, boolean][] {
  return Object.entries(machine.States).flatMap(([name, state]): [string, boolean][] => [
    [name, state.Type === 'Parallel' || state.Type === 'Map'],
    ...(state.Type === 'Parallel' ? state.Branches.flatMap(statesOf) : []),
    ...(state.Type === 'Map' && state.ItemProcessor ? statesOf(state.ItemProcessor) : []),
  ]);
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Names that need quoting or escaping in DOT, a Map, and a Parallel whose Catch starts it over. */
const AWKWARD: StateMachineDefinition = {
  StartAt: 'say "hi"',
  States: {
    'say "hi"': { Type: 'Pass', Next: 'back\\slash' },
    'back\\slash': { Type: 'Pass', Next: 'node' },
    node: { Type: 'Pass', Next: 'Ünïcødé → 状态' },
    'Ünïcødé → 状态': { Type: 'Pass', Next: 'a <b> & c' },
    'a <b> & c': { Type: 'Pass', Next: 'graph { edge }' },
    'graph { edge }': {
      Type: 'Map',
      ItemProcessor: { StartAt: 'subgraph', States: { subgraph: { Type: 'Pass', End: true } } },
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'digraph;' }],
      Next: 'Fan',
    },
    Fan: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'One', States: { One: { Type: 'Pass', End: true } } },
        { StartAt: 'Two', States: { Two: { Type: 'Pass', End: true } } },
      ],
      // Back to itself: an edge Graphviz cannot clip to the cluster it starts in.
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Fan' }],
      Next: 'digraph;',
    },
    'digraph;': { Type: 'Succeed' },
  },
} as StateMachineDefinition;

describe.skipIf(!dotPath)('DOT rendered by Graphviz', () => {
  const cases: [string, StateMachineDefinition][] = [...exampleDefinitions(), ['Large60', largeWorkflow(60)], ['Awkward names', AWKWARD]];
  for (const [name, definition] of cases) {
    it(`${name}: dot -Tsvg succeeds without warnings and draws every state`, async () => {
      const dot = await renderDiagram(definition, 'dot', name);
      const rendered = spawnSync(dotPath!, ['-Tsvg'], { input: dot, encoding: 'utf8' });
      expect(rendered.stderr).toBe('');
      expect(rendered.status).toBe(0);
      const svg = rendered.stdout;
      const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
      // States' boxes (not the points a loop back into a cluster passes through).
      const nodes = svg.match(/<g id="node\d+" class="node">\n<title>(?!\w+_loop_)/g)?.length ?? 0;
      const clusters = svg.match(/<g id="clust\d+" class="cluster">/g)?.length ?? 0;
      const states = statesOf(definition as { States: Record<string, State> });
      for (const [state] of states) expect(texts, state).toContain(xml(state));
      // Plain states and Start/End are nodes; each Parallel/Map is a cluster (plus one per Parallel branch).
      expect(nodes).toBe(states.filter(([, cluster]) => !cluster).length + 2);
      expect(clusters).toBeGreaterThanOrEqual(states.filter(([, cluster]) => cluster).length);
    });
  }
});
