import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileWorkflow } from '../../src/compiler/index';
import { DslUsageError, chain, fail, gt, isPresent, jsonata, numeric, stateNamed, succeed, variable, workflow } from '../../src/dsl/index';
import { compile, diagnosticsOf } from './compile-helpers';

const Input = z.object({ n: z.number(), items: z.array(z.number()) });
const total = variable<number>('total');
const flow = (name = 'Vars') => workflow(name, { input: Input });

describe('variable reads the graph rules out (build errors)', () => {
  it('reports a read of a variable no state assigns (m09), naming the workflow, the state, the variable and file:line', () => {
    const [diagnostic, ...rest] = diagnosticsOf(flow('Invoice').pass('Set', { assign: () => ({ totl: 1 }) }).pass('Use', { parameters: () => ({ t: total }) }));
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({ workflow: 'Invoice', state: 'Use', severity: 'error', code: 'INVALID_WORKFLOW' });
    expect(diagnostic.source).toMatch(/test\/compiler\/variable-reads\.test\.ts:\d+/);
    expect(diagnostic.message).toContain('Reads the variable $total, but no state assigns it');
    expect(diagnostic.message).toContain('States.QueryEvaluationError');
  });

  it('reports a read before the state that assigns it, with the assigning state', () => {
    const [diagnostic] = diagnosticsOf(flow().pass('Use', { parameters: () => ({ t: total }) }).pass('Set', { assign: () => ({ total: 1 }) }));
    expect(diagnostic).toMatchObject({ state: 'Use' });
    expect(diagnostic.message).toContain("Reads the variable $total before any state that assigns it can run (it is assigned in 'Set')");
  });

  it('reports reads in Choice rules, JSONata expressions and intrinsic arguments alike', () => {
    const choice = diagnosticsOf(flow().choice('Big?', (c) => c.when(() => numeric.gt(total, 1), succeed('Y')).otherwise(succeed('N'))));
    expect(choice.map((d) => d.state)).toEqual(['Big?']);
    const jsonataRead = diagnosticsOf(workflow('J', { queryLanguage: 'JSONata' }).pass('P', { output: () => ({ doubled: jsonata<number>`${total} * 2` }) }));
    expect(jsonataRead.map((d) => d.state)).toEqual(['P']);
  });

  it('reports a read of a variable assigned only in a sibling Parallel branch or inside a Map iteration', () => {
    const sibling = diagnosticsOf(
      flow().parallel('Both', [(b) => b.pass('A', { assign: () => ({ total: 1 }) }), (b) => b.pass('B', { parameters: () => ({ t: total }) })]),
    );
    expect(sibling.map((d) => [d.state, d.message.includes('before any state that assigns it')])).toEqual([['B', true]]);
    const afterMap = diagnosticsOf(
      flow().map('Each', { items: (s) => s.items, processor: (b) => b.pass('Item', { assign: () => ({ total: 1 }) }) }).pass('After', { parameters: () => ({ t: total }) }),
    );
    expect(afterMap.map((d) => d.state)).toEqual(['After']);
  });

  it("reports an outer variable read in a distributed Map's iterations (they see no outer variables)", () => {
    const reads = diagnosticsOf(
      flow()
        .pass('Set', { assign: () => ({ total: 1 }), resultPath: null })
        .map('Each', { items: (s) => s.items, mode: 'DISTRIBUTED', processor: (b) => b.pass('Item', { parameters: () => ({ t: total }) }) }),
    );
    expect(reads.map((d) => d.state)).toEqual(['Item']);
  });

  it('reports an assignment of a name the workflow does not declare', () => {
    const [diagnostic, ...rest] = diagnosticsOf(
      workflow('Declared', { input: Input, variables: { total } }).pass('Set', { assign: () => ({ total: 1, totl: 2 }) as never }),
    );
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({ state: 'Set', field: 'assign' });
    expect(diagnostic.message).toContain("Assigns the variable 'totl', which the workflow does not declare");
  });

  it('rejects a declaration under another name than the variable’s', () => {
    expect(() => workflow('W', { variables: { sum: total } })).toThrow(DslUsageError);
    expect(() => workflow('W', { variables: { sum: total } })).toThrow("variables.sum is the variable 'total'; list each variable under its own name ({ total })");
  });
});

describe('variable reads that can succeed compile', () => {
  it('accepts a read after the assigning state, in a later loop turn, a branch, a catch handler and a Choice default', () => {
    compile(flow().pass('Set', { assign: () => ({ total: 1 }), resultPath: null }).pass('Use', { parameters: () => ({ t: total }) }));
    compile(
      flow()
        .pass('Set', { assign: () => ({ total: 0 }), resultPath: null })
        .pass('Loop', { parameters: () => ({ t: total }), resultPath: null, assign: () => ({ total: 1 }) })
        .choice('Again?', (c) => c.when(() => numeric.gt(total, 3), succeed('Done')).otherwise('Loop')),
    );
    compile(
      flow()
        .pass('Set', { assign: () => ({ total: 1 }), resultPath: null })
        .map('Each', { items: (s) => s.items, processor: (b) => b.pass('Item', { parameters: () => ({ t: total }) }) }, { resultPath: null })
        .parallel('Both', [(b) => b.pass('A', { parameters: () => ({ t: total }) })]),
    );
    const handler = chain<unknown>().pass('Handle', { parameters: () => ({ t: total }) }).succeed('Handled');
    compile(flow().parallel('Work', [(b) => b.pass('Inner')], { assign: () => ({ total: 2 }) }).catch(['States.ALL'], handler, { assign: () => ({ total: 1 }) }).pass('After', { parameters: () => ({ t: total }) }));
  });

  it('accepts a read that only some paths leave unassigned (whether they run depends on the data)', () => {
    compile(
      flow()
        .choice('Which?', (c) =>
          c
            .when((s) => gt(s.n, 1), (b) => b.pass('Assigns', { assign: () => ({ total: 1 }), resultPath: null }).next(stateNamed('Join')))
            .otherwise((b) => b.pass('Join', { parameters: () => ({ t: total }) }).succeed('End')),
        ),
    );
  });

  it('accepts isPresent(variable): it asks whether the variable exists, it does not read it', () => {
    compile(flow().choice('Has?', (c) => c.when(() => isPresent(total), succeed('Y')).otherwise(fail('N'))));
  });

  it('compiles the same ASL as before for a valid workflow (the check adds nothing to the output)', () => {
    const { definition } = compileWorkflow(flow().pass('Set', { assign: () => ({ total: 1 }) }).pass('Use', { parameters: () => ({ t: total }) }));
    expect(definition.States.Set).toEqual({ Type: 'Pass', Assign: { total: 1 }, Next: 'Use' });
  });
});
