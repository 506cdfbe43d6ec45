import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileWorkflow, formatDiagnostic, WorkflowCompileError } from '../../src/compiler/index';
import { validateDefinition } from '../../src/asl/validate/index';
import {
  chain, ctx, jsonata, jsonPath, lambda, lambdaFunction, sqs, stateNamed, States, stepFunctions, workflow, type Selector,
} from '../../src/dsl/index';
import { diagnosticsOf } from './compile-helpers';

const Input = z.object({ a: z.number(), items: z.array(z.number()), name: z.string() });
const fn = lambdaFunction<{ a: number }, { b: number }>()('arn:aws:lambda:us-east-1:123456789012:function:f');
const flow = (options: { queryLanguage?: 'JSONata'; type?: 'EXPRESS' } = {}) => workflow('Diag', { input: Input, ...options });
const here = () => `test/compiler/diagnostics.test.ts:${new Error().stack!.split('\n')[2].match(/:(\d+):\d+\)?$/)![1]}`;

/** The one diagnostic of a workflow, checked for workflow name and a message. */
function single(workflowValue: Parameters<typeof diagnosticsOf>[0]) {
  const diagnostics = diagnosticsOf(workflowValue);
  expect(diagnostics.map(formatDiagnostic)).toHaveLength(1);
  expect(diagnostics[0].workflow).toBe('Diag');
  return diagnostics[0];
}

describe('compile diagnostics', () => {
  it('names the source line of the builder call', () => {
    const line = here(); const wf = flow().pass('Same').pass('Same');
    const diagnostic = single(wf);
    expect(diagnostic).toMatchObject({ state: 'Same', source: line });
    expect(diagnostic.message).toMatch(/Duplicate state name 'Same'.*rename one/);
  });

  it('reports duplicate names across branches', () => {
    const diagnostic = single(flow().pass('X').parallel('P', [(b) => b.pass('X')]));
    expect(diagnostic.message).toMatch(/Duplicate state name 'X'.*another branch/);
  });

  it('reports one fragment used in two branches', () => {
    const shared = chain<unknown>().pass('Shared');
    const diagnostic = single(flow().parallel('P', [() => shared, () => shared]));
    expect(diagnostic.message).toMatch(/'Shared' is used in two scopes/);
  });

  it('reports a transition to an unknown state', () => {
    const diagnostic = single(flow().pass('A').next(stateNamed('Nowhere')));
    expect(diagnostic).toMatchObject({ state: 'A', field: 'Next' });
    expect(diagnostic.message).toMatch(/unknown state 'Nowhere'.*Check the spelling/);
  });

  it('reports a jump out of a Parallel branch', () => {
    const diagnostic = single(flow().pass('Outside').parallel('P', [(b) => b.pass('In').next(stateNamed('Outside'))]));
    expect(diagnostic.message).toMatch(/cannot jump outside itself/);
  });

  it('leaves unreachable states to the validator (the one owner of that rule)', () => {
    const diagnostics = validateDefinition({ StartAt: 'A', States: { A: { Type: 'Succeed' }, B: { Type: 'Succeed' } } });
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'UNREACHABLE_STATE', state: 'B', severity: 'error' })]);
  });

  it('reports state names over 80 characters', () => {
    const diagnostic = diagnosticsOf(flow().pass('x'.repeat(81)))[0];
    expect(diagnostic.message).toMatch(/81 characters long.*at most 80/);
  });

  it('reports a state continued in two ways', () => {
    const base = chain<unknown>().pass('Shared');
    const diagnostics = diagnosticsOf(flow().choice('C', (c) => c.when(jsonata<boolean>`true`, base.pass('One')).otherwise(base.pass('Two'))));
    expect(diagnostics.map((d) => d.message).join('\n')).toMatch(/'Shared' is continued in two ways/);
  });

  it('reports an empty workflow', () => {
    expect(diagnosticsOf(flow())[0].message).toMatch(/no states/);
  });

  it.each([
    ['output in JSONPath', () => flow().pass('P', { output: () => 1 }), 'output', /output is JSONata-only/],
    ['resultPath in JSONata', () => flow({ queryLanguage: 'JSONata' }).pass('P', { resultPath: 'x' }), 'resultPath', /resultPath is JSONPath-only/],
    ['inputPath in JSONata', () => flow({ queryLanguage: 'JSONata' }).pass('P', { inputPath: (s) => s }), 'inputPath', /inputPath is JSONPath-only/],
    ['resultSelector in JSONata', () => flow({ queryLanguage: 'JSONata' }).task('T', lambda.invoke(fn, (s) => ({ a: s.a })), { resultSelector: (r) => r.Payload }), 'resultSelector', /resultSelector is JSONPath-only/],
    ['outputPath in JSONata', () => flow({ queryLanguage: 'JSONata' }).pass('P').outputPath((s) => s.a), 'outputPath', /outputPath is JSONPath-only/],
    ['Pass result in JSONata', () => flow({ queryLanguage: 'JSONata' }).pass('P', { result: 1 }), 'result', /result is JSONPath-only/],
    ['Pass parameters in JSONata', () => flow({ queryLanguage: 'JSONata' }).pass('P', { parameters: (s) => ({ a: s.a }) }), 'parameters', /parameters is JSONPath-only/],
    ['jsonata in JSONPath', () => flow().pass('P', { parameters: () => ({ x: jsonata<number>`1 + 1` }) }), 'parameters', /jsonata`...` expression.*uses JSONPath/],
    ['jsonPath in JSONata', () => flow({ queryLanguage: 'JSONata' }).pass('P', { output: () => ({ x: jsonPath('$.a') }) }), 'output', /is JSONPath; this state uses JSONata/],
    ['JSONPath Assign reading the input of a Task', () => flow().task('T', lambda.invoke(fn, (s) => ({ a: s.a })), { assign: ({ input }) => ({ a: input.a }) }), 'assign', /reads the task result as '\$', so it cannot read the state input/],
    ['JSONPath state in a JSONata workflow', () => flow({ queryLanguage: 'JSONata' }).pass('P', { queryLanguage: 'JSONPath' }), 'queryLanguage', /no state may use JSONPath/],
    ['a payload outside inputPath', () => flow().pass('P', { inputPath: (s) => s.items, parameters: (s) => ({ n: s.name }) }), 'parameters', /outside inputPath/],
    ['invalid JSONata syntax', () => flow({ queryLanguage: 'JSONata' }).pass('P', { output: () => ({ x: jsonata`$sum(` }) }), 'Output.x', /JSONata expression .*\$sum\(.* is invalid.*in the workflow: \{ output \}/],
    ['invalid JSONPath syntax', () => flow().pass('P', { parameters: () => ({ x: jsonPath('$.a[?(') }) }), 'parameters', /not a valid JSONPath: it is not well-formed/],
    ['a non-reference path where one is required', () => flow().map('M', { items: () => jsonPath<number[]>('$.items[*]'), processor: (b) => b.pass('X') }), 'items', /not a reference path/],
    ['a path not starting with $', () => flow().pass('P', { parameters: () => ({ x: jsonPath('a.b') }) }), 'parameters', /must start with \$/],
    ['an intrinsic with a wrong argument count', () => flow().pass('P', { parameters: (s) => ({ x: (States.MathAdd as (...a: unknown[]) => never)(s.a) }) }), 'Parameters.x.$', /States.MathAdd/],
    ['a Fail ErrorPath intrinsic AWS rejects', () => flow().fail('F', { error: (s) => States.MathAdd(s.a, 1) as never }), 'error', /'States.MathAdd'.*not allowed|not allowed.*States.MathAdd|States.MathAdd/],
    ['a bad Wait timestamp', () => flow().wait('W', { timestamp: '2026-01-31 12:00' }), 'timestamp', /RFC3339 timestamp/],
    ['a Wait with both seconds and timestamp', () => flow().wait('W', { seconds: 1, timestamp: '2026-01-31T12:00:00Z' } as never), undefined, /must have exactly one of seconds, timestamp.*but has Seconds, Timestamp/],
    ['heartbeat not below timeout', () => flow().task('T', lambda.invoke(fn, (s) => ({ a: s.a })), { timeoutSeconds: 10, heartbeatSeconds: 10 }), 'heartbeatSeconds', /heartbeatSeconds \(10\) must be smaller than timeoutSeconds \(10\).*in the workflow: \{ heartbeatSeconds \}/],
    ['a non-integer timeout', () => flow().task('T', lambda.invoke(fn, (s) => ({ a: s.a })), { timeoutSeconds: 1.5 }), 'timeoutSeconds', /timeoutSeconds.*integer/],
    ['.sync in an Express workflow', () => flow({ type: 'EXPRESS' }).task('T', stepFunctions.startExecution.sync({ StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:c' })), 'integration', /Express state machine does not support '.sync'/],
    ['a callback task that never sends its token', () => flow().task('T', sqs.sendMessage.waitForTaskToken({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q', MessageBody: 'x' })), 'payload', /never sends its task token/],
    ['a task token outside .waitForTaskToken', () => flow().pass('P', { parameters: () => ({ t: (ctx as unknown as { Task: { Token: never } }).Task.Token }) }), 'parameters', /exists only in the request of a .waitForTaskToken task/],
    ['Map.Item outside itemSelector', () => flow().pass('P', { parameters: () => ({ i: (ctx as unknown as { Map: { Item: { Index: never } } }).Map.Item.Index }) }), 'parameters', /only available in a Map state's itemSelector/],
    ['Distributed-only options on an inline Map', () => flow().map('M', { mode: 'INLINE', itemBatcher: { maxItemsPerBatch: 2 }, processor: (b) => b.pass('X') }), 'mode', /need mode: 'DISTRIBUTED'/],
    ['States.ALL not last', () => flow().task('T', lambda.invoke(fn, (s) => ({ a: s.a }))).retry(['States.ALL']).retry(['States.Timeout']), 'Retry[0]', /retrier matching 'States.ALL' must be the last one.*in the workflow: .retry\(\[…\]\)/],
    ['retry bounds', () => flow().task('T', lambda.invoke(fn, (s) => ({ a: s.a }))).retry(['States.Timeout'], { backoffRate: 0.5 }), 'Retry[0].backoffRate', /backoffRate.*at least 1.*in the workflow: .retry\(…, \{ backoffRate \}\)/],
    ['an unknown States.* error', () => flow().task('T', lambda.invoke(fn, (s) => ({ a: s.a }))).retry(['States.Tmeout' as never]), 'Retry[0]', /'States.Tmeout'.*not an error name Step Functions defines/],
  ] as const)('reports %s', (_name, build, field, message) => {
    const diagnostics = diagnosticsOf(build() as never);
    const found = diagnostics.find((d) => d.field === field);
    expect(found, diagnostics.map(formatDiagnostic).join('\n')).toBeDefined();
    expect(found!.message).toMatch(message);
    expect(found!.source).toMatch(/^test\/compiler\/diagnostics\.test\.ts:\d+$/);
  });

  it('maps the shared validator diagnostics to the state', () => {
    const diagnostics = diagnosticsOf(flow().map('M', { mode: 'DISTRIBUTED', label: 'has space', processor: (b) => b.pass('X') }));
    expect(diagnostics[0]).toMatchObject({ workflow: 'Diag', state: 'M' });
    expect(diagnostics[0].message).toMatch(/Label/);
  });

  it('throws one WorkflowCompileError listing every problem', () => {
    try {
      compileWorkflow(flow().pass('A', { output: () => 1 }).pass('A'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WorkflowCompileError);
      const compileError = error as WorkflowCompileError;
      expect(compileError.diagnostics.length).toBe(2);
      expect(compileError.message).toMatch(/^Workflow 'Diag' cannot be compiled \(2 problems\):\n/);
      expect(compileError.message).toMatch(/\n  - test\/compiler\/diagnostics\.test\.ts:\d+ Diag › A › output: output is JSONata-only/);
    }
  });
});

describe('shared validator rules the compiler relies on', () => {
  it('reports an inner scope assigning an outer variable', () => {
    const diagnostics = diagnosticsOf(
      flow()
        .pass('Top', { assign: ({ input }) => ({ total: input.a }) })
        .parallel('P', [(b) => b.pass('Inner', { assign: ({ input }) => ({ total: input.a }) })]),
    );
    expect(diagnostics.map(formatDiagnostic).join('\n')).toMatch(/Inner.*total/);
    expect(diagnostics[0].state).toBe('Inner');
  });
});

describe('the validator owns the ASL rules; the compiler speaks DSL', () => {
  it('IntervalSeconds: 0 is a validator warning (AWS accepts it, the spec forbids it) and fails the build in DSL words', () => {
    const asl = validateDefinition({
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 0 }], End: true } },
    });
    expect(asl).toEqual([expect.objectContaining({ code: 'INVALID_FIELD_VALUE', severity: 'warning', pointer: '/States/T/Retry/0/IntervalSeconds' })]);

    const line = here(); const wf = flow().task('T', lambda.invoke(fn, (s) => ({ a: s.a }))).retry(['States.ALL'], { intervalSeconds: 0 });
    const [diagnostic] = diagnosticsOf(wf);
    expect(diagnostic).toMatchObject({ code: 'INVALID_FIELD_VALUE', severity: 'warning', state: 'T', field: 'Retry[0].intervalSeconds', source: line });
    expect(diagnostic.message).toMatch(/intervalSeconds is 0 in state 'T'.*in the workflow: \.retry\(…, \{ intervalSeconds \}\)/);
  });

  it('a retrier diagnostic points at the .retry call, not the task', () => {
    const wf = flow().task('T', lambda.invoke(fn, (s) => ({ a: s.a })));
    const line = here(); const retried = wf.retry(['States.Timeout'], { maxDelaySeconds: 40_000_000 });
    const [diagnostic] = diagnosticsOf(retried);
    expect(diagnostic).toMatchObject({ field: 'Retry[0].maxDelaySeconds', source: line, code: 'INVALID_FIELD_VALUE', severity: 'error' });
  });

  it('DSL-only checks carry the INVALID_WORKFLOW code', () => {
    expect(diagnosticsOf(flow().pass('P', { output: () => 1 }))[0]).toMatchObject({ code: 'INVALID_WORKFLOW', severity: 'error', field: 'output' });
  });
});
