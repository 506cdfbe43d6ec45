import { describe, expect, it } from 'vitest';
import { ctx, jsonata, variable, workflow } from '../../src/dsl/index';
import { stateOf } from './compile-helpers';

describe('context object and variables', () => {
  it('reads every documented context field', () => {
    const parameters = () => ({
      id: ctx.Execution.Id, input: ctx.Execution.Input, name: ctx.Execution.Name, role: ctx.Execution.RoleArn, started: ctx.Execution.StartTime,
      redrives: ctx.Execution.RedriveCount, redriven: ctx.Execution.RedriveTime, entered: ctx.State.EnteredTime, state: ctx.State.Name,
      retries: ctx.State.RetryCount, machine: ctx.StateMachine.Id, machineName: ctx.StateMachine.Name,
    });
    expect(stateOf(workflow('C').pass('P', { parameters })).Parameters).toEqual({
      'id.$': '$$.Execution.Id', 'input.$': '$$.Execution.Input', 'name.$': '$$.Execution.Name', 'role.$': '$$.Execution.RoleArn',
      'started.$': '$$.Execution.StartTime', 'redrives.$': '$$.Execution.RedriveCount', 'redriven.$': '$$.Execution.RedriveTime',
      'entered.$': '$$.State.EnteredTime', 'state.$': '$$.State.Name', 'retries.$': '$$.State.RetryCount',
      'machine.$': '$$.StateMachine.Id', 'machineName.$': '$$.StateMachine.Name',
    });
    expect(stateOf(workflow('C', { queryLanguage: 'JSONata' }).pass('P', { output: () => ({ id: ctx.Execution.Id }) })).Output).toEqual({ id: '{% $states.context.Execution.Id %}' });
  });

  it('assigns and reads variables in both languages', () => {
    const total = variable<{ amount: number }>('total');
    const jsonPathState = stateOf(workflow('V').pass('P', { result: { amount: 3 }, assign: ({ result }) => ({ total: result }) }).pass('Q', { parameters: () => ({ amount: total.amount }) }), 'Q');
    expect(jsonPathState.Parameters).toEqual({ 'amount.$': '$total.amount' });
    const jsonataState = stateOf(workflow('V', { queryLanguage: 'JSONata' }).pass('P', { assign: () => ({ total: { amount: 3 } }) }).pass('Q', { output: () => ({ amount: total.amount, doubled: jsonata<number>`${total.amount} * 2` }) }), 'Q');
    expect(jsonataState.Output).toEqual({ amount: '{% $total.amount %}', doubled: '{% $total.amount * 2 %}' });
  });

  it('writes odd member names with brackets (JSONPath) and backticks (JSONata)', () => {
    const state = stateOf(workflow('O').pass('P', { parameters: (s: any) => ({ v: s['first name'][0]["it's"] }) }));
    expect(state.Parameters).toEqual({ 'v.$': "$['first name'][0]['it\\'s']" });
    const jsonataState = stateOf(workflow('O', { queryLanguage: 'JSONata' }).pass('P', { output: ({ input }: any) => ({ v: input['first name'] }) }));
    expect(jsonataState.Output).toEqual({ v: '{% $states.input.`first name` %}' });
  });

  it('turns arrays holding paths into States.Array (JSONPath) and keeps arrays of objects', () => {
    const state = stateOf(workflow('A').pass('P', { parameters: (s: any) => ({ pair: [s.a, 1], rows: [{ a: s.a }, { b: 2 }], fixed: [1, 'x'] }) }));
    expect(state.Parameters).toEqual({ 'pair.$': 'States.Array($.a, 1)', rows: [{ 'a.$': '$.a' }, { b: 2 }], fixed: [1, 'x'] });
  });
});
