import type { ChoiceState, Json, JsonataChoiceRule, JsonPathChoiceRule } from '../../asl/types';
import { prepareChoiceRule, noChoiceMatchedError } from '../choice';
import { borrowScope } from '../engine/context-object';
import { StateRunner } from '../engine/state-runner';
import type { Frame, PreparedState, StateVisit } from '../engine/runtime';
import { prepareJsonataField, prepareJsonPathAssign, prepareStateDataFlow, jsonataBindings, type JsonataField } from '../state-io';
import { prepareJsonataTemplate, evaluateJsonataCondition } from '../jsonata';
import type { StatePreparer } from './state-preparer';

interface PreparedRule<Test> {
  test: Test;
  nextName: string;
  next: PreparedState | undefined;
  /** The rule's Assign (and Output in JSONata); `null` when it has none (the state's are then skipped too). */
  assign: unknown;
  output: unknown;
}

/**
 * Choice: the first matching rule picks the next state (and replaces the state's Assign/Output);
 * otherwise `Default`, otherwise `States.Runtime`. Its "result" is its effective input.
 */
export const prepareChoiceState: StatePreparer<ChoiceState> = (state, { name, queryLanguage }) => {
  let defaultState: PreparedState | undefined;
  const link = (rules: PreparedRule<unknown>[], states: Map<string, PreparedState>) => {
    for (const rule of rules) rule.next = states.get(rule.nextName);
    if (state.Default !== undefined) defaultState = states.get(state.Default);
  };
  const choose = (visit: StateVisit, rule: PreparedRule<unknown> | undefined): void => {
    if (rule) {
      visit.next = rule.next;
      visit.assignOverride = rule.assign;
      visit.outputOverride = rule.output;
    } else if (defaultState) {
      visit.next = defaultState;
    } else {
      throw noChoiceMatchedError(visit.name);
    }
  };

  let rules: PreparedRule<unknown>[] = [];
  let work: (effective: Json, frame: Frame, visit: StateVisit) => Json | Promise<Json>;
  if (queryLanguage === 'JSONata') {
    const jsonataRules = (state.Choices as JsonataChoiceRule[]).map((rule, i) => ({
      test: prepareJsonataTemplate(rule.Condition as Json, `Choices[${i}]/Condition`),
      nextName: rule.Next,
      next: undefined,
      assign: rule.Assign === undefined ? null : prepareJsonataField(rule.Assign, `Choices[${i}]/Assign`),
      output: rule.Output === undefined ? null : (prepareJsonataField(rule.Output, `Choices[${i}]/Output`) as JsonataField),
    }));
    rules = jsonataRules;
    work = async (effective, frame, visit) => {
      const bindings = jsonataBindings(frame, visit, effective);
      let matched: PreparedRule<unknown> | undefined;
      for (const rule of jsonataRules) {
        if (await evaluateJsonataCondition(rule.test, bindings)) {
          matched = rule;
          break;
        }
      }
      choose(visit, matched);
      return effective;
    };
  } else {
    const pathRules = (state.Choices as JsonPathChoiceRule[]).map((rule) => ({
      test: prepareChoiceRule(rule),
      nextName: rule.Next as string,
      next: undefined,
      assign: rule.Assign === undefined ? null : prepareJsonPathAssign(rule.Assign as never),
      output: undefined,
    }));
    rules = pathRules;
    work = (effective, frame, visit) => {
      // Rules are tested synchronously, before anything else borrows the scope.
      const scope = borrowScope(effective, frame, visit);
      let matched: PreparedRule<unknown> | undefined;
      for (const rule of pathRules) {
        if (rule.test(scope)) {
          matched = rule;
          break;
        }
      }
      choose(visit, matched);
      return effective;
    };
  }

  return new StateRunner({
    name,
    type: 'Choice',
    queryLanguage,
    flow: prepareStateDataFlow(state, queryLanguage),
    work,
    checkOutputSize: false,
    exits: true,
    link: (states) => link(rules, states),
  });
};
