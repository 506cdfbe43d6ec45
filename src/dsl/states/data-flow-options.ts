import type { PathField, ResultHandling, StateNodeBase } from '../ast/states';
import type { ValueNode } from '../ast/value';
import { contextSelector, type ContextObject } from '../context/context-object';
import { DslUsageError } from '../errors/dsl-usage-error';
import { resultPathNode, type ResultPathOption } from '../paths/result-path';
import { selector, type Selector } from '../paths/selector';
import { exprNode, isExpr, type Expr } from '../values/expr';
import { toValueNode } from '../values/to-value-node';
import type { AnyVariables, Assignments } from '../variables/assignments';

/** What `output` and `assign` callbacks can read: the state input, its result (where there is one), the context. */
export interface DataScope<S, R> {
  /** The state's input (`$` / `$states.input`). */
  readonly input: Selector<S>;
  /** The raw result of the work (`$` in a JSONPath Assign, `$states.result` in JSONata). */
  readonly result: Selector<R>;
  readonly ctx: Selector<ContextObject>;
}

/**
 * Variables to assign, evaluated from `$`: `assign: ({ result }) => ({ total: result.Payload.total })`.
 * `V`: the workflow's declared variables (`workflow(name, { variables })`), which type each value.
 */
export type AssignOption<S, R, V = AnyVariables> = (scope: DataScope<S, R>) => Assignments<V>;
/** JSONata `Output`: `output: ({ result }) => ({ id: result.Payload.id })`. */
export type OutputOption<S, R> = (scope: DataScope<S, R>) => unknown;
/** JSONPath `InputPath`: `inputPath: s => s.order` or `null` (the state gets `{}`). */
export type InputPathOption<S> = ((s: Selector<S>) => Expr<unknown>) | null;
/** JSONPath `ResultSelector`: reshapes the raw result before ResultPath. */
export type ResultSelectorOption<R> = (result: Selector<R>, ctx: Selector<ContextObject>) => unknown;
/** JSONPath `Parameters` (Arguments in JSONata): the input of the work. */
export type ParametersOption<S> = (s: Selector<S>, ctx: Selector<ContextObject>) => unknown;

/** The result-handling options a Task, Parallel, Map or Pass accepts. */
export interface DataFlowOptions<S, R, V = AnyVariables> {
  inputPath?: InputPathOption<S>;
  resultSelector?: ResultSelectorOption<R>;
  resultPath?: ResultPathOption<S>;
  output?: OutputOption<S, R>;
  assign?: AssignOption<S, R, V>;
}

export function dataScope<S, R>(): DataScope<S, R> {
  return Object.freeze({ input: selector<S>('input'), result: selector<R>('result'), ctx: contextSelector<ContextObject>() });
}

/** Reads a selector callback into a path field; `null` stays `null`. */
export function pathFieldOf<S>(option: InputPathOption<S> | undefined, field: string): PathField | undefined {
  if (option === undefined || option === null) return option;
  const value = option(selector<S>('input'));
  const node = isExpr(value) ? exprNode(value) : undefined;
  if (node?.kind === 'path' || node?.kind === 'rawPath') return node;
  throw new DslUsageError(`${field} must return a path (s => s.order) or jsonPath('...'), not ${node?.kind ?? typeof value}.`);
}

/**
 * Converts the data-flow options shared by several state types into AST fields, so each state
 * builder handles only its own fields.
 */
export function dataFlowFields<S, R>(
  options: DataFlowOptions<S, R> & { parameters?: ParametersOption<S> },
): Partial<Pick<StateNodeBase, 'inputPath' | 'output' | 'assign'> & ResultHandling> {
  const fields: Record<string, unknown> = {};
  const inputPath = pathFieldOf(options.inputPath, 'inputPath');
  if (inputPath !== undefined) fields.inputPath = inputPath;
  if (options.parameters) {
    fields.payload = toValueNode(options.parameters(selector<S>('input'), contextSelector()), 'parameters');
  }
  if (options.resultSelector) {
    fields.resultSelector = toValueNode(options.resultSelector(selector<R>('result'), contextSelector()), 'resultSelector');
  }
  if (options.resultPath !== undefined) fields.resultPath = resultPathNode(options.resultPath);
  if (options.output) fields.output = toValueNode(options.output(dataScope<S, R>()), 'output');
  if (options.assign) fields.assign = assignNode(options.assign(dataScope<S, R>()) as Record<string, unknown>);
  return fields;
}

export function assignNode(assignments: Record<string, unknown>): ValueNode {
  return toValueNode(assignments, 'assign');
}
