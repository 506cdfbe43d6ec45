/** The DSL/compiler additions the importer needed to express every valid ASL form. */
import { describe, expect, it } from 'vitest';
import { compileWorkflow } from '../../src/compiler/index';
import { z } from 'zod';
import { and, commented, eq, isPresent, jsonata, serviceTask, succeed, workflow } from '../../src/index';

const states = (flow: Parameters<typeof compileWorkflow>[0]) => compileWorkflow(flow).definition.States as unknown as Record<string, Record<string, unknown>>;

describe('DSL additions for imported definitions', () => {
  it('Map: the deprecated Iterator/Parameters names and an explicit ProcessorConfig', () => {
    const flow = workflow('Legacy').map('Each', {
      items: (s) => s as never,
      itemSelector: (item) => ({ value: item }),
      processorConfig: { Mode: 'INLINE' },
      legacyFields: { iterator: true, parameters: true },
      processor: (b) => b.pass('Inner'),
    });
    const map = states(flow).Each;
    expect(map.Iterator).toEqual({ ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Inner', States: { Inner: { Type: 'Pass', End: true } } });
    expect(map.Parameters).toEqual({ 'value.$': '$$.Map.Item.Value' });
    expect(map).not.toHaveProperty('ItemProcessor');
    expect(map).not.toHaveProperty('ItemSelector');
  });

  it('Map: processorConfig decides the mode and is emitted as given', () => {
    const flow = workflow('Dist').map('Each', { processorConfig: { ExecutionType: 'EXPRESS', Mode: 'DISTRIBUTED' }, processor: (b) => b.pass('Inner') });
    expect((states(flow).Each.ItemProcessor as Record<string, unknown>).ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' });
  });

  it('Map: a JSONata Items may be a literal array', () => {
    const flow = workflow('Items', { queryLanguage: 'JSONata' }).map('Each', { items: () => [1, jsonata<number>`$x`], processor: (b) => b.pass('Inner') });
    expect(states(flow).Each.Items).toEqual([1, '{% $x %}']);
  });

  it('Choice and Succeed take an outputPath option', () => {
    const flow = workflow('Out', { input: z.object({ a: z.object({ b: z.number() }) }) }).choice(
      'Pick',
      (c) => c.when((s) => eq(s.a.b, 1), (b) => b.succeed('Done', { outputPath: (s) => s.a })).otherwise(succeed('Other')),
      { outputPath: (s) => s.a },
    );
    const emitted = states(flow);
    expect(emitted.Pick.OutputPath).toBe('$.a');
    expect(emitted.Done.OutputPath).toBe('$.a');
  });

  it("resultPath '$' writes ResultPath \"$\"", () => {
    expect(states(workflow('R').pass('P', { result: { a: 1 }, resultPath: '$' })).P.ResultPath).toBe('$');
  });

  it('serviceTask: any Resource ARN, its pattern from the suffix', () => {
    const arn = 'arn:aws:states:us-east-1:123456789012:states:startExecution.sync:2';
    const flow = workflow('S').task('Start', serviceTask(arn, { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:child' }));
    expect(states(flow).Start).toMatchObject({ Resource: arn, Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:child' } });
  });

  it('a JSONata rule may be the JSON boolean itself: .when(true, …) → "Condition": true', () => {
    const flow = workflow('C', { queryLanguage: 'JSONata' }).choice('Pick', (c) => c.when(true, succeed('Yes')).otherwise(succeed('No')));
    expect(states(flow).Pick.Choices).toEqual([{ Condition: true, Next: 'Yes' }]);
  });

  it('commented(...) puts a Comment on a rule nested in and/or/not', () => {
    const flow = workflow('C', { input: z.object({ status: z.string(), id: z.unknown() }) }).choice('Pick', (c) =>
      c.when((s) => and(commented(eq(s.status, 'ok'), 'the happy path'), isPresent(s.id)), succeed('Yes')).otherwise(succeed('No')),
    );
    expect(states(flow).Pick.Choices).toEqual([
      { And: [{ Variable: '$.status', StringEquals: 'ok', Comment: 'the happy path' }, { Variable: '$.id', IsPresent: true }], Next: 'Yes' },
    ]);
  });
});
