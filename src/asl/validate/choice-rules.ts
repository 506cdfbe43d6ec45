/**
 * Choice rules (§5): JSONPath data-test and boolean rules (`Variable` + exactly one operator from
 * `choice-operators.ts`, `And`/`Or`/`Not`), JSONata rules (`Condition`), and where `Next` and
 * `Assign` may appear.
 */
import { choiceOperator, isChoiceOperatorField, type ResolvedChoiceOperator } from '../choice-operators';
import { isJsonataExpression } from '../jsonata-syntax';
import { type StateContext, sinkOf } from './context';
import { childSite, type DiagnosticSink, type Site, inState } from './diagnostics';
import { expectNonEmptyArray, expectString, wrongType } from './field-checks';
import { isRecord, type JsonRecord } from './json-values';
import { checkJsonataValue, INPUT_MEMBERS } from './jsonata-values';
import { checkPathField } from './paths';
import { isRfc3339Timestamp } from './timestamp';
import { checkAssign } from './variables';

const JSONPATH_RULE_FIELDS = new Set(['Variable', 'And', 'Or', 'Not', 'Next', 'Assign', 'Comment']);
const JSONATA_RULE_FIELDS = new Set(['Condition', 'Next', 'Assign', 'Output', 'Comment']);

/** `Choices`: a non-empty array of top-level rules. */
export function checkChoices(ctx: StateContext, site: Site, value: unknown): void {
  const sink = sinkOf(ctx);
  if (!expectNonEmptyArray(sink, site, value)) return;
  value.forEach((rule, index) => {
    const ruleSite = childSite(site, index, 'Choices');
    if (!isRecord(rule)) {
      wrongType(sink, ruleSite, 'an object (a Choice rule)', rule);
      return;
    }
    checkTopLevelRuleFields(ctx, sink, ruleSite, rule);
    if (ctx.language === 'JSONata') checkJsonataRule(ctx, sink, ruleSite, rule);
    else checkJsonPathRule(ctx, sink, ruleSite, rule, true);
  });
}

function checkTopLevelRuleFields(ctx: StateContext, sink: DiagnosticSink, site: Site, rule: JsonRecord): void {
  if (!('Next' in rule)) {
    sink.error('MISSING_REQUIRED_FIELD', childSite(site, 'Next'), `The field 'Next' is required but was missing in Choice rule ${site.pointer}${inState(site)}; name the state to go to when the rule matches.`);
  } else {
    expectString(sink, childSite(site, 'Next'), rule.Next);
  }
  if ('Assign' in rule) checkAssign(ctx, sink, childSite(site, 'Assign'), rule.Assign, ctx.machine.scope, INPUT_MEMBERS);
  if ('Comment' in rule) expectString(sink, childSite(site, 'Comment'), rule.Comment);
}

function checkJsonataRule(ctx: StateContext, sink: DiagnosticSink, site: Site, rule: JsonRecord): void {
  for (const key of Object.keys(rule)) {
    if (JSONATA_RULE_FIELDS.has(key)) continue;
    const hint = JSONPATH_RULE_FIELDS.has(key) || isChoiceOperatorField(key) ? " It is a JSONPath rule field; in a JSONata state write the test as 'Condition': '{% … %}'." : '';
    sink.error('UNKNOWN_FIELD', childSite(site, key), `The field '${key}' is not supported in a JSONata Choice rule${inState(site)}.${hint}`);
  }
  const conditionSite = childSite(site, 'Condition');
  if (!('Condition' in rule)) {
    sink.error('MISSING_REQUIRED_FIELD', conditionSite, `The field 'Condition' is required but was missing in Choice rule ${site.pointer}${inState(site)}; add a boolean or a '{% … %}' expression.`);
  } else if (typeof rule.Condition === 'string' && isJsonataExpression(rule.Condition)) {
    checkJsonataValue(sink, conditionSite, rule.Condition, INPUT_MEMBERS);
  } else if (typeof rule.Condition !== 'boolean') {
    wrongType(sink, conditionSite, "a boolean or a JSONata expression '{% … %}'", rule.Condition);
  }
  if ('Output' in rule) checkJsonataValue(sink, childSite(site, 'Output'), rule.Output, INPUT_MEMBERS);
}

function checkJsonPathRule(ctx: StateContext, sink: DiagnosticSink, site: Site, rule: JsonRecord, topLevel: boolean): void {
  const operators: ResolvedChoiceOperator[] = [];
  for (const key of Object.keys(rule)) {
    const operator = choiceOperator(key);
    if (operator) {
      operators.push(operator);
    } else if (!JSONPATH_RULE_FIELDS.has(key)) {
      const hint = JSONATA_RULE_FIELDS.has(key) ? " 'Condition' and 'Output' are JSONata rule fields; set QueryLanguage to JSONata to use them." : '';
      sink.error('UNKNOWN_FIELD', childSite(site, key), `The field '${key}' is not a valid Choice rule field or comparison operator${inState(site)}.${hint}`);
    } else if (!topLevel && (key === 'Next' || key === 'Assign')) {
      sink.error('INVALID_CHOICE_RULE', childSite(site, key), `The field '${key}' is not allowed in a nested Choice rule (inside And/Or/Not)${inState(site)}; only the top-level rule has '${key}'.`);
    }
  }
  const kinds = ['Variable', 'And', 'Or', 'Not'].filter((key) => key in rule);
  if (kinds.length !== 1) {
    sink.error(
      'INVALID_CHOICE_RULE',
      site,
      `The Choice rule ${site.pointer}${inState(site)} must have exactly one of 'Variable' (with one comparison operator), 'And', 'Or' or 'Not'${kinds.length ? `, but has ${kinds.map((k) => `'${k}'`).join(', ')}` : ''}.`,
    );
    return;
  }
  const kind = kinds[0];
  if (kind === 'Variable') {
    checkPathField(sink, childSite(site, 'Variable'), rule.Variable, { reference: false });
    checkDataTest(sink, site, rule, operators);
  } else {
    if (operators.length > 0) {
      sink.error('INVALID_CHOICE_RULE', childSite(site, operators[0].field), `The comparison operator '${operators[0].field}'${inState(site)} needs a 'Variable' in the same rule, not next to '${kind}'.`);
    }
    if (kind === 'Not') {
      const notSite = childSite(site, 'Not');
      if (isRecord(rule.Not)) checkJsonPathRule(ctx, sink, notSite, rule.Not, false);
      else wrongType(sink, notSite, 'an object (a Choice rule)', rule.Not);
    } else {
      const listSite = childSite(site, kind);
      const list = rule[kind];
      if (!expectNonEmptyArray(sink, listSite, list)) return;
      list.forEach((nested, index) => {
        const nestedSite = childSite(listSite, index, kind);
        if (isRecord(nested)) checkJsonPathRule(ctx, sink, nestedSite, nested, false);
        else wrongType(sink, nestedSite, 'an object (a Choice rule)', nested);
      });
    }
  }
}

function checkDataTest(sink: DiagnosticSink, site: Site, rule: JsonRecord, operators: ResolvedChoiceOperator[]): void {
  if (operators.length !== 1) {
    sink.error(
      'INVALID_CHOICE_RULE',
      site,
      operators.length === 0
        ? `The Choice rule ${site.pointer}${inState(site)} has a 'Variable' but no comparison operator; add exactly one (e.g. 'StringEquals', 'NumericGreaterThan', 'IsPresent').`
        : `The Choice rule ${site.pointer}${inState(site)} has ${operators.length} comparison operators (${operators.map((o) => o.field).join(', ')}); a data-test rule takes exactly one — combine tests with 'And'/'Or'.`,
    );
  }
  for (const operator of operators) checkOperand(sink, childSite(site, operator.field), rule[operator.field], operator);
}

function checkOperand(sink: DiagnosticSink, site: Site, value: unknown, operator: ResolvedChoiceOperator): void {
  if (operator.isPathVariant) {
    checkPathField(sink, site, value, { reference: false });
    return;
  }
  switch (operator.valueType) {
    case 'string':
      if (typeof value !== 'string') wrongType(sink, site, 'a string', value);
      return;
    case 'number':
      if (typeof value !== 'number') wrongType(sink, site, 'a number', value);
      return;
    case 'boolean':
    case 'is-test':
      if (typeof value !== 'boolean') wrongType(sink, site, 'a boolean', value);
      return;
    case 'timestamp':
      if (typeof value !== 'string') wrongType(sink, site, 'a timestamp string', value);
      else if (!isRfc3339Timestamp(value)) {
        sink.error('INVALID_TIMESTAMP', site, `String does not match RFC3339 timestamp: the value ${JSON.stringify(value)} of '${operator.field}'${inState(site)} must look like 2016-03-14T01:59:00Z.`);
      }
      return;
  }
}
