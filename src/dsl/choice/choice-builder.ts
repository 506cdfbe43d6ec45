import type { TargetNode } from '../ast/chain';
import type { ChoiceRuleNode, ConditionNode } from '../ast/states';
import { contextSelector, type ContextObject } from '../context/context-object';
import { DslUsageError } from '../errors/dsl-usage-error';
import { selector, type Selector } from '../paths/selector';
import { captureSource } from '../source/capture-source';
import { targetNode, type Target } from '../states/targets';
import type { TasksIn } from '../states/chain-like';
import { dataScope, type DataScope } from '../states/data-flow-options';
import { exprNode, isExpr, type Expr } from '../values/expr';
import { toValueNode } from '../values/to-value-node';
import { conditionNode, isCondition, type Condition } from './condition';
import type { AnyVariables, Assignments } from '../variables/assignments';

/** A rule's test: a condition, a callback building one from the input, or a JSONata boolean. */
export type ChoiceTest<S> =
  | Condition
  | Expr<boolean>
  | ((s: Selector<S>, ctx: Selector<ContextObject>) => Condition | Expr<boolean>)
  /** JSONata: a constant `Condition` written as the JSON boolean (`"Condition": true`). */
  | boolean;

/** Per-rule options (ASL rule `Assign`, JSONata `Output`, `Comment`). */
export interface ChoiceRuleOptions<S, V = AnyVariables> {
  assign?: (scope: DataScope<S, never>) => Assignments<V>;
  output?: (scope: DataScope<S, never>) => unknown;
  comment?: string;
}

declare const CHOICE_TASKS: unique symbol;

/**
 * Builds the rules of a Choice state, in order. Immutable: each call returns a new builder.
 *
 * @example
 * .choice('Big order?', c => c.when(s => gt(s.order.total, 1000), review).otherwise(ship))
 */
export class ChoiceBuilder<S, Names extends string, Start, Tasks = {}, V = AnyVariables> {
  /** Type-only: the Task states of the targets added so far (see `TasksIn`). */
  declare readonly [CHOICE_TASKS]?: Tasks;
  readonly rules: readonly ChoiceRuleNode[];
  readonly otherwiseTarget: TargetNode | undefined;
  readonly #start: () => Start;

  constructor(start: () => Start, rules: readonly ChoiceRuleNode[] = [], otherwise?: TargetNode) {
    this.#start = start;
    this.rules = Object.freeze(rules);
    this.otherwiseTarget = otherwise;
    Object.freeze(this);
  }

  /** Adds a rule: when `test` holds, go to `target`. */
  when<const T extends Target<S, Names, Start>>(
    test: ChoiceTest<S>,
    target: T,
    options: ChoiceRuleOptions<S, V> = {},
  ): ChoiceBuilder<S, Names, Start, Tasks & TasksIn<T>, V> {
    if (this.otherwiseTarget) throw new DslUsageError('Add every .when(...) before .otherwise(...).');
    const rule: ChoiceRuleNode = Object.freeze({
      condition: testNode(test),
      target: targetNode(target, this.#start),
      ...(options.assign && { assign: toValueNode(options.assign(dataScope<S, never>()) as Record<string, unknown>, 'rule assign') }),
      ...(options.output && { output: toValueNode(options.output(dataScope<S, never>()), 'rule output') }),
      ...(options.comment !== undefined && { comment: options.comment }),
      source: captureSource(),
    });
    return new ChoiceBuilder(this.#start, [...this.rules, rule], undefined);
  }

  /** The `Default` transition, taken when no rule matches. */
  otherwise<const T extends Target<S, Names, Start>>(target: T): ChoiceBuilder<S, Names, Start, Tasks & TasksIn<T>, V> {
    return new ChoiceBuilder(this.#start, this.rules, targetNode(target, this.#start));
  }
}

function testNode<S>(test: ChoiceTest<S>): ConditionNode {
  if (typeof test === 'boolean') return Object.freeze({ kind: 'jsonata', expression: Object.freeze({ kind: 'literal', value: test }), literal: true });
  const value = typeof test === 'function' ? test(selector<S>('input'), contextSelector()) : test;
  if (isCondition(value)) return conditionNode(value);
  if (isExpr(value) && exprNode(value).kind === 'jsonata') {
    return Object.freeze({ kind: 'jsonata', expression: exprNode(value) as never });
  }
  throw new DslUsageError('A choice rule needs a condition: gt(s.a, 1), and(...), isPresent(s.b), or a jsonata`...` boolean.');
}
