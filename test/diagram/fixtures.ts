/**
 * Definitions and runs the diagram tests draw: a 60-state workflow with every state type, nested
 * frames, Choice rules and Catch edges; a run that retries, catches, fails in a Parallel branch
 * and iterates a Map; and generators for large workflows and runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { State, StateMachineDefinition } from '../../src/asl/types';
import { Interpreter, type MockConfigFile } from '../../src/interpreter';

export const GENERATED = resolve(import.meta.dirname, '..', '..', 'generated');

/** The examples' compiled ASL (generated/*.asl.json) by workflow name. */
export function exampleDefinitions(): [string, StateMachineDefinition][] {
  return readdirSync(GENERATED)
    .filter((f) => f.endsWith('.asl.json'))
    .sort()
    .map((f) => [f.replace(/\.asl\.json$/, ''), JSON.parse(readFileSync(join(GENERATED, f), 'utf8')) as StateMachineDefinition]);
}

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:';

/**
 * `count` states in sections of ten: tasks with Retry and Catch, a Choice with two rules and a
 * Default, a Wait, a Parallel with two branches and a Map with a processor; one Fail handler.
 */
export function largeWorkflow(count: number): StateMachineDefinition {
  const states: Record<string, State> = {};
  let made = 0;
  const name = (i: number) => `Step ${String(i).padStart(3, '0')}`;
  const sections = Math.ceil(count / 10);
  for (let s = 0; s < sections; s++) {
    const base = s * 10;
    const next = s === sections - 1 ? 'Done' : name(base + 10);
    states[name(base)] = { Type: 'Task', Resource: `${LAMBDA}step-${s}`, Retry: [{ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 2 }], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handle Failure' }], Next: name(base + 1) };
    states[name(base + 1)] = {
      Type: 'Choice',
      Choices: [
        { Variable: '$.kind', StringEquals: 'express', Next: name(base + 2) },
        { And: [{ Variable: '$.total', NumericGreaterThan: 100 }, { Variable: '$.vip', IsPresent: true }], Next: name(base + 3) },
      ],
      Default: name(base + 4),
    };
    states[name(base + 2)] = { Type: 'Pass', Result: { fast: true }, ResultPath: '$.fast', Next: name(base + 5) };
    states[name(base + 3)] = { Type: 'Wait', Seconds: 5, Next: name(base + 5) };
    states[name(base + 4)] = { Type: 'Pass', Next: name(base + 5) };
    states[name(base + 5)] = {
      Type: 'Parallel',
      Branches: [
        { StartAt: name(base + 6), States: { [name(base + 6)]: { Type: 'Pass', End: true } } },
        { StartAt: name(base + 7), States: { [name(base + 7)]: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { TopicArn: 'arn:aws:sns:us-east-1:123456789012:t', 'Message.$': '$' }, End: true } } },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handle Failure' }],
      ResultPath: null,
      Next: name(base + 8),
    };
    states[name(base + 8)] = {
      Type: 'Map',
      ItemsPath: '$.items',
      ItemProcessor: { StartAt: name(base + 9), States: { [name(base + 9)]: { Type: 'Task', Resource: `${LAMBDA}item-${s}`, End: true } } },
      ResultPath: null,
      Next: next,
    };
    made += 10;
  }
  states['Handle Failure'] = { Type: 'Fail', Error: 'WorkflowFailed', Cause: 'A step failed' };
  states.Done = { Type: 'Succeed' };
  void made;
  return { Comment: `${count}-state workflow for layout tests`, StartAt: name(0), States: states };
}

/** Counts every state, branches and processors included. */
export function countStates(machine: { States: Record<string, State> }): number {
  let n = 0;
  for (const state of Object.values(machine.States)) {
    n++;
    if (state.Type === 'Parallel') for (const b of state.Branches) n += countStates(b);
    if (state.Type === 'Map' && state.ItemProcessor) n += countStates(state.ItemProcessor);
  }
  return n;
}

/** A run with every outcome: Charge retried, Reserve caught, a Map with a failing item tolerated, a Parallel whose branch fails. */
export const MIXED: StateMachineDefinition = {
  StartAt: 'Charge',
  States: {
    Charge: { Type: 'Task', Resource: `${LAMBDA}charge`, Retry: [{ ErrorEquals: ['Busy'], IntervalSeconds: 2, MaxAttempts: 2 }], ResultPath: '$.charge', Next: 'Reserve' },
    Reserve: { Type: 'Task', Resource: `${LAMBDA}reserve`, ResultPath: '$.reserve', Catch: [{ ErrorEquals: ['OutOfStock'], ResultPath: '$.reserveError', Next: 'Pack Items' }], Next: 'Pack Items' },
    'Pack Items': {
      Type: 'Map',
      ItemsPath: '$.items',
      ToleratedFailureCount: 1,
      ItemProcessor: { StartAt: 'Pack', States: { Pack: { Type: 'Task', Resource: `${LAMBDA}pack`, End: true } } },
      ResultPath: '$.packed',
      Next: 'Big order?',
    },
    'Big order?': { Type: 'Choice', Choices: [{ Variable: '$.total', NumericGreaterThan: 100, Next: 'Notify' }], Default: 'Skipped' },
    Skipped: { Type: 'Succeed' },
    Notify: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Email', States: { Email: { Type: 'Pass', End: true } } },
        { StartAt: 'Ledger', States: { Ledger: { Type: 'Task', Resource: `${LAMBDA}ledger`, End: true } } },
      ],
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  },
};

export const MIXED_MOCKS: MockConfigFile = {
  StateMachines: { Mixed: { TestCases: { Story: { Charge: 'BusyThenOk', Reserve: 'OutOfStock', Pack: 'PackSecondFails', Ledger: 'LedgerDown' } } } },
  MockedResponses: {
    BusyThenOk: { '0': { Throw: { Error: 'Busy', Cause: 'try later' } }, '1': { Return: { charged: true } } },
    OutOfStock: { '0': { Throw: { Error: 'OutOfStock', Cause: 'sku-2' } } },
    PackSecondFails: { '0': { Return: { packed: 1 } }, '1': { Throw: { Error: 'Fragile', Cause: 'glass' } }, '2': { Return: { packed: 3 } } },
    LedgerDown: { '0': { Throw: { Error: 'LedgerDown', Cause: 'maintenance' } } },
  },
};

/** Runs MIXED to its end (it fails in the Parallel's Ledger branch). */
export async function runMixed() {
  const sfn = new Interpreter({ mockConfig: MIXED_MOCKS, startTime: '2026-01-01T00:00:00Z' });
  const execution = sfn.createStateMachine(MIXED, { name: 'Mixed' }).startExecution({ items: ['a', 'b', 'c'], total: 250 }, { testCase: 'Story' });
  const result = await execution.result;
  return { result, history: execution.history() };
}

/** A Map over `items` items, three states per iteration. */
export const MAP_RUN: StateMachineDefinition = {
  StartAt: 'Each',
  States: {
    Each: {
      Type: 'Map',
      ItemsPath: '$.items',
      ItemProcessor: {
        StartAt: 'Double',
        States: {
          Double: { Type: 'Pass', Parameters: { 'v.$': 'States.MathAdd($, $)' }, Next: 'Check' },
          Check: { Type: 'Choice', Choices: [{ Variable: '$.v', NumericGreaterThan: 19990, Next: 'Big' }], Default: 'Small' },
          Big: { Type: 'Pass', End: true },
          Small: { Type: 'Succeed' },
        },
      },
      End: true,
    },
  },
};

export async function runMap(items: number) {
  const sfn = new Interpreter({ maxHistoryEvents: Number.POSITIVE_INFINITY });
  const execution = sfn.createStateMachine(MAP_RUN, { name: 'Big' }).startExecution({ items: Array.from({ length: items }, (_, i) => i + 1) });
  const result = await execution.result;
  return { result, history: execution.history() };
}
