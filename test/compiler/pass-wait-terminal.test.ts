import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ctx, jsonata, States, workflow } from '../../src/dsl/index';
import { compile, stateOf } from './compile-helpers';

const Input = z.object({ user: z.object({ name: z.string(), age: z.number() }), delay: z.number(), due: z.string(), code: z.string() });
const flow = (language?: 'JSONata') => workflow('S', { input: Input, ...(language && { queryLanguage: language }) });

describe('Pass', () => {
  it('emits Result, ResultPath, InputPath, OutputPath and Assign (JSONPath)', () => {
    const state = stateOf(flow().pass('P', { result: { n: 1 }, resultPath: 'fixed', inputPath: (s) => s.user, assign: ({ result }) => ({ n: result.n }) }).outputPath((s) => s.fixed));
    expect(state).toEqual({
      Type: 'Pass',
      InputPath: '$.user',
      Result: { n: 1 },
      ResultPath: '$.fixed',
      OutputPath: '$.fixed',
      Assign: { 'n.$': '$.n' },
      End: true,
    });
  });

  it('emits Parameters relative to InputPath', () => {
    const state = stateOf(flow().pass('P', { inputPath: (s) => s.user, parameters: (s) => ({ who: s.user.name, when: ctx.State.EnteredTime }) }));
    expect(state).toEqual({ Type: 'Pass', InputPath: '$.user', Parameters: { 'who.$': '$.name', 'when.$': '$$.State.EnteredTime' }, End: true });
  });

  it('passes its input through with no options', () => {
    expect(stateOf(flow().pass('P'))).toEqual({ Type: 'Pass', End: true });
  });

  it('emits Output and Assign (JSONata)', () => {
    const state = stateOf(flow('JSONata').pass('P', { output: ({ input }) => ({ greeting: States.Format('Hi {}', input.user.name) }), assign: ({ input }) => ({ age: input.user.age }) }));
    expect(state).toEqual({
      Type: 'Pass',
      Output: { greeting: '{% ("Hi " & $string($states.input.user.name)) %}' },
      Assign: { age: '{% $states.input.user.age %}' },
      End: true,
    });
  });

  it('lets one state opt into JSONata in a JSONPath workflow', () => {
    const definition = compile(flow().pass('A', { queryLanguage: 'JSONata', output: ({ input }) => ({ n: input.user.name }) }).pass('B', { parameters: (s) => ({ n: s.n }) }));
    expect(definition.States.A).toEqual({ Type: 'Pass', QueryLanguage: 'JSONata', Output: { n: '{% $states.input.user.name %}' }, Next: 'B' });
    expect(definition.States.B).toEqual({ Type: 'Pass', Parameters: { 'n.$': '$.n' }, End: true });
  });
});

describe('Wait', () => {
  it.each([
    [{ seconds: 10 }, { Seconds: 10 }],
    [{ timestamp: '2026-01-31T12:00:00Z' }, { Timestamp: '2026-01-31T12:00:00Z' }],
    [{ seconds: (s: any) => s.delay }, { SecondsPath: '$.delay' }],
    [{ timestamp: (s: any) => s.due }, { TimestampPath: '$.due' }],
  ])('JSONPath %#', (options, expected) => {
    expect(stateOf(flow().wait('W', options as never))).toEqual({ Type: 'Wait', ...expected, End: true });
  });

  it('emits JSONata Seconds/Timestamp, Output and Assign', () => {
    expect(stateOf(flow('JSONata').wait('W', { seconds: (s) => s.delay, output: ({ input }) => input.user, assign: ({ input }) => ({ d: input.delay }) }))).toEqual({
      Type: 'Wait',
      Seconds: '{% $states.input.delay %}',
      Output: '{% $states.input.user %}',
      Assign: { d: '{% $states.input.delay %}' },
      End: true,
    });
    expect(stateOf(flow('JSONata').wait('W', { timestamp: jsonata<string>`$now()` }))).toEqual({ Type: 'Wait', Timestamp: '{% $now() %}', End: true });
  });
});

describe('Succeed and Fail', () => {
  it('emits Succeed with InputPath/OutputPath or Output', () => {
    expect(stateOf(flow().succeed('Done', { inputPath: (s) => s.user, comment: 'ok' }))).toEqual({ Type: 'Succeed', Comment: 'ok', InputPath: '$.user' });
    expect(stateOf(flow('JSONata').succeed('Done', { output: ({ input }) => input.user.name }))).toEqual({ Type: 'Succeed', Output: '{% $states.input.user.name %}' });
  });

  it('emits Fail with Error/Cause, ErrorPath/CausePath and intrinsic paths', () => {
    expect(stateOf(flow().fail('F', { error: 'Oops', cause: 'bad' }))).toEqual({ Type: 'Fail', Error: 'Oops', Cause: 'bad' });
    expect(stateOf(flow().fail('F', { error: (s) => s.code, cause: () => States.Format('user {} failed', ctx.Execution.Name) }))).toEqual({
      Type: 'Fail',
      ErrorPath: '$.code',
      CausePath: "States.Format('user {} failed', $$.Execution.Name)",
    });
    expect(stateOf(flow('JSONata').fail('F', { error: (s) => s.code, cause: 'static' }))).toEqual({ Type: 'Fail', Error: '{% $states.input.code %}', Cause: 'static' });
    expect(stateOf(flow().fail('F'))).toEqual({ Type: 'Fail' });
  });
});

describe('bare-path parameters', () => {
  it('become InputPath in JSONPath and Arguments/Output in JSONata', () => {
    expect(stateOf(flow().pass('P', { parameters: (s) => s.user }))).toEqual({ Type: 'Pass', InputPath: '$.user', End: true });
    expect(stateOf(flow().parallel('P', [(b) => b.pass('A')], { parameters: (s) => s.user }))).toMatchObject({ InputPath: '$.user' });
    expect(stateOf(flow('JSONata').parallel('P', [(b) => b.pass('A')], { parameters: (s) => s.user }))).toMatchObject({ Arguments: '{% $states.input.user %}' });
  });
});
