import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  chain, ctx, DslUsageError, fail, gt, inputSchemaOf, isWorkflow, jsonata, lambda, lambdaFunction, selector, States, variable, workflow, workflowDescription,
} from '../../src/dsl/index';
import { EXPR_NODE } from '../../src/dsl/values/expr';

const Order = z.object({ order: z.object({ id: z.string(), total: z.number(), items: z.array(z.object({ sku: z.string() })) }) });
const charge = lambdaFunction<{ id: string }, { chargeId: string }>()('arn:aws:lambda:us-east-1:123456789012:function:charge', { errors: ['Declined'] });

describe('selectors', () => {
  it('record member and index access without evaluating anything', () => {
    const s = selector<z.output<typeof Order>>('input');
    expect(s.order.items[0].sku[EXPR_NODE]).toEqual({ kind: 'path', root: 'input', segments: ['order', 'items', 0, 'sku'] });
    expect(Object.isFrozen(s.order[EXPR_NODE])).toBe(true);
  });

  it('record context and variable roots', () => {
    expect(ctx.Execution.Id[EXPR_NODE]).toEqual({ kind: 'path', root: 'context', segments: ['Execution', 'Id'] });
    expect(variable<{ a: number }>('total').a[EXPR_NODE]).toEqual({ kind: 'path', root: 'variable', variable: 'total', segments: ['a'] });
  });

  it('are read-only', () => {
    const s = selector<{ a: number }>('input') as unknown as Record<string, unknown>;
    expect(() => {
      s.a = 1;
    }).toThrow(/read-only/);
  });
});

describe('builders', () => {
  it('are immutable: each method returns a new chain and leaves the old one unchanged', () => {
    const base = workflow('W', { input: Order }).pass('A');
    const one = base.pass('B');
    const two = base.pass('C');
    expect(workflowDescription(base).chain.steps.map((s) => s.name)).toEqual(['A']);
    expect(workflowDescription(one).chain.steps.map((s) => s.name)).toEqual(['A', 'B']);
    expect(workflowDescription(two).chain.steps.map((s) => s.name)).toEqual(['A', 'C']);
    expect(workflowDescription(base).chain.steps[0]).toBe(workflowDescription(one).chain.steps[0]);
  });

  it('produce a frozen plain-data description', () => {
    const wf = workflow('W', { input: Order })
      .task('Charge', lambda.invoke(charge, (s) => ({ id: s.order.id })), { resultPath: 'charge' })
      .retry(['Declined'], { maxAttempts: 2 })
      .catch(['States.ALL'], fail('Failed'));
    const description = workflowDescription(wf);
    const deepFrozen = (value: unknown): boolean =>
      value === null || typeof value !== 'object' || (Object.isFrozen(value) && Object.values(value).every(deepFrozen));
    expect(deepFrozen(description)).toBe(true);
    const task = description.chain.steps[0];
    expect(task).toMatchObject({
      kind: 'Task',
      name: 'Charge',
      resource: { integration: 'lambda:invoke', resource: 'arn:aws:states:::lambda:invoke', pattern: 'request-response' },
      resultPath: { kind: 'path', root: 'input', segments: ['charge'] },
      retry: [{ errorEquals: ['Declined'], maxAttempts: 2 }],
    });
    expect(task.source).toMatch(/^test\/dsl\/builder\.test\.ts:\d+$/);
    expect(JSON.parse(JSON.stringify(description))).toEqual(description);
  });

  it('record the workflow settings', () => {
    expect(workflowDescription(workflow('W', { comment: 'c', timeoutSeconds: 5, queryLanguage: 'JSONata', type: 'EXPRESS' }).pass('A'))).toMatchObject({
      kind: 'workflow', name: 'W', comment: 'c', timeoutSeconds: 5, queryLanguage: 'JSONata', stateMachineType: 'EXPRESS',
    });
  });

  it('treat fragments as non-workflows', () => {
    expect(isWorkflow(workflow('W'))).toBe(true);
    expect(isWorkflow(chain<unknown>().pass('A'))).toBe(false);
  });

  it('build intrinsic and JSONata nodes', () => {
    const s = selector<{ name: string }>('input');
    expect(States.Format('Hi {}', s.name)[EXPR_NODE]).toMatchObject({
      kind: 'intrinsic', name: 'States.Format', args: [{ kind: 'literal', value: 'Hi {}' }, { kind: 'path', segments: ['name'] }],
    });
    expect(jsonata<number>`$length(${s.name}) + ${1}`[EXPR_NODE]).toMatchObject({
      kind: 'jsonata', parts: ['$length(', { kind: 'path' }, ') + ', { kind: 'literal', value: 1 }],
    });
  });
});

describe('usage errors while building', () => {
  it.each([
    ['appending after a Choice', () => (workflow('W').choice('C', (c) => c.when(jsonata<boolean>`true`, 'C')) as any).pass('X'), /ends the chain/],
    ['appending after .next()', () => (workflow('W').pass('A').next('A') as any).pass('X'), /ends the chain/],
    ['a choice without rules', () => workflow('W').choice('C', (c) => c), /no rules/],
    ['retry on a Pass', () => (workflow('W').pass('A') as any).retry(['States.ALL']), /applies to Task, Parallel and Map/],
    ['a function in a payload', () => workflow('W').pass('A', { parameters: () => ({ f: () => 1 }) }), /cannot hold/],
    ['a non-finite number', () => workflow('W').pass('A', { parameters: () => ({ n: Number.NaN }) }), /no such number/],
    ['a Date in a payload', () => workflow('W').pass('A', { parameters: () => ({ d: new Date() }) }), /Date/],
    ['an invalid variable name', () => variable('1bad'), /cannot be a variable name/],
    ['the reserved variable name', () => variable('states'), /cannot be a variable name/],
    ['a bad resultPath', () => workflow('W').pass('A', { resultPath: '$.x' }), /not a member path/],
    ['an empty target chain', () => workflow('W').pass('A').next(chain<unknown>()), /has no states/],
    ['a comparison on a non-path', () => workflow('W').choice('C', (c) => c.when(() => gt(States.UUID() as never, 1), 'C')), /tests a path/],
    ['a long Map label', () => workflow('W').map('M', { label: 'x'.repeat(41), processor: (b) => b.pass('P') }), /longer than 40/],
    ['a long workflow name', () => workflow('x'.repeat(81)), /1 to 80 characters/],
  ])('rejects %s', (_name, build, message) => {
    expect(build).toThrow(DslUsageError);
    expect(build).toThrow(message);
  });
});

describe('input schema', () => {
  it('keeps the zod schema beside the AST, through every step', () => {
    const wf = workflow('W', { input: Order }).pass('A').pass('B');
    expect(inputSchemaOf(wf)).toBe(Order);
    expect(z.safeParse(inputSchemaOf(wf)!, { order: { id: 'x' } }).success).toBe(false);
    expect(inputSchemaOf(workflow('W').pass('A'))).toBeUndefined();
  });
});
