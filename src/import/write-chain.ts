/**
 * The ASL graph → DSL chains. Each chain follows `Next` from its first state; a state reached
 * again is a jump (`.next('Name')`, a name the chain's type knows, else `stateNamed('Name')`);
 * Choice and Catch targets not placed yet become inline fragments (`b => b.task(…)`), and
 * plain Fail/Succeed targets shared constants (`const failed = fail('Failed')`).
 */
import { ts } from 'ts-morph';
import { isChoiceOperatorField } from '../asl/choice-operators';
import { parsePath } from '../asl/json-path';
import type { QueryLanguage } from '../asl/types';
import { jsonPathSegments } from '../compiler/emit/render-path';
import { array, arrow, call, id, json, member, method, object, str, withComment, type Expression } from './code';
import { jsonataCondition, jsonPathCondition } from './conditions';
import { integrationCall } from './integrations';
import type { ModuleContext } from './module-context';
import { expectLeaf, jsonView, OPAQUE, overlay, readView, recordView, type LeafType, type PathSegment, type View } from './shape';
import {
  callbackOf,
  contextView,
  jsonataValue,
  jsonPathTemplate,
  ImportedParam,
  Param,
  pathValue,
  rawPath,
  settingValue,
  type Dollar,
  type ValueScope,
} from './values';

type Json = Record<string, unknown>;
type Entries = (readonly [string, Expression])[];

interface Scope {
  readonly states: Record<string, Json>;
  readonly claimed: Set<string>;
}

const f = ts.factory;
const TERMINAL = new Set(['Choice', 'Succeed', 'Fail']);
const isTerminal = (state: Json) => TERMINAL.has(state.Type as string) || state.End === true;
const ERROR_OUTPUT: View = recordView({ Error: { kind: 'opaque', type: 'string' }, Cause: { kind: 'opaque', type: 'string' } });

export class ChainWriter {
  constructor(
    private readonly cx: ModuleContext,
    private readonly workflowLanguage: QueryLanguage | undefined,
  ) {}

  /** Writes the chain that starts at `first` onto `start` (a `workflow(…)` call or a fragment parameter). */
  chain(start: Expression, first: string, scope: Scope, names: ReadonlySet<string>, view: View): Expression {
    const path: string[] = [];
    for (let current: string | undefined = first; current !== undefined && !scope.claimed.has(current); ) {
      scope.claimed.add(current);
      path.push(current);
      const state: Json | undefined = scope.states[current];
      current = state && !isTerminal(state) ? (state.Next as string) : undefined;
    }
    let expr = start;
    let current = view;
    const known = new Set(names);
    for (const name of path) {
      known.add(name);
      const written = this.state(expr, name, scope.states[name], scope, known, current);
      expr = written.expr;
      current = written.view;
    }
    const last = scope.states[path[path.length - 1]];
    if (last && !isTerminal(last)) expr = method(expr, 'next', [this.reference(last.Next as string, known)]);
    return expr;
  }

  private reference(name: string, names: ReadonlySet<string>): Expression {
    return names.has(name) ? str(name) : call(this.cx.use('stateNamed'), [str(name)]);
  }

  /** A Choice or Catch target: a name, a shared constant, or an inline fragment. */
  private target(name: string, scope: Scope, names: ReadonlySet<string>, view: View): Expression {
    const sharedName = this.cx.model.sharedFragments.get(name);
    if (sharedName && this.cx.fragments.has(sharedName)) return id(sharedName);
    if (scope.claimed.has(name)) return this.reference(name, names);
    const state = scope.states[name];
    const shared = state && this.sharedTerminal(name, state);
    if (shared) {
      scope.claimed.add(name);
      return shared;
    }
    return arrow(['b'], this.chain(id('b'), name, scope, names, view));
  }

  private sharedTerminal(name: string, state: Json): Expression | undefined {
    const plain = (value: unknown) => value === undefined || (typeof value === 'string' && !value.startsWith('{%'));
    let options: Entries;
    if (state.Type === 'Fail' && plain(state.Error) && plain(state.Cause) && state.ErrorPath === undefined && state.CausePath === undefined) {
      options = [...this.common(state), ...this.literalEntries(state, [['error', 'Error'], ['cause', 'Cause']])];
    } else if (state.Type === 'Succeed' && state.InputPath === undefined && state.OutputPath === undefined && state.Output === undefined) {
      options = this.common(state);
    } else return undefined;
    const kind = state.Type === 'Fail' ? 'fail' : 'succeed';
    const constName = this.cx.model.fragmentName(name);
    this.cx.model.sharedFragments.set(name, constName);
    this.cx.fragments.set(constName, { constName, initializer: call(this.cx.use(kind), [str(name), ...(options.length ? [object(options)] : [])]) });
    return id(constName);
  }

  private literalEntries(state: Json, fields: readonly (readonly [string, string])[]): Entries {
    return fields.filter(([, field]) => state[field] !== undefined).map(([option, field]) => [option, json(state[field])]);
  }

  private common(state: Json): Entries {
    return [
      ...(state.Comment !== undefined ? [['comment', json(state.Comment)] as const] : []),
      ...(state.QueryLanguage !== undefined ? [['queryLanguage', json(state.QueryLanguage)] as const] : []),
    ];
  }

  private language(state: Json): QueryLanguage {
    return (state.QueryLanguage as QueryLanguage | undefined) ?? this.workflowLanguage ?? 'JSONPath';
  }

  /** InputPath as an option, and what the state's later reads of `$` are relative to. */
  private inputPath(state: Json, view: View, where: string): { option?: Expression; relative?: Dollar['inputPath'] } {
    const value = state.InputPath;
    if (value === undefined) return {};
    if (value === null) return { option: f.createNull(), relative: 'raw' };
    const s = new Param('s', view);
    const scope = this.scope(where, s, false, undefined, { importedCtx: true });
    const translated = pathValue(value as string, scope);
    const segments = s.used ? parsePath(value as string)?.segments : undefined;
    return { option: arrow(s.used ? ['s'] : [], translated.expr), relative: segments ?? 'raw' };
  }

  private scope(where: string, s: Param, jsonata: boolean, relative?: Dollar['inputPath'], extra: { taskToken?: boolean; item?: Param; index?: Param; importedCtx?: boolean } = {}): ValueScope {
    const view = contextView({ taskToken: extra.taskToken });
    const ctx = extra.importedCtx ? new ImportedParam('ctx', view, this.cx) : new Param('ctx', view);
    return { cx: this.cx, where, jsonata, dollar: { param: s, inputPath: relative }, states: { input: s }, ctx, item: extra.item, index: extra.index };
  }

  /** An `(s, ctx) => …` option reading the state input. */
  private inputOption(where: string, view: View, jsonata: boolean, relative: Dollar['inputPath'], build: (scope: ValueScope) => Expression | undefined, always = false): Expression | undefined {
    const scope = this.scope(where, new Param('s', view), jsonata, relative);
    const body = build(scope);
    return body && callbackOf(scope, body, always);
  }

  /**
   * An `assign`/`output` callback: `({ input, result, ctx }) => …`. In JSONPath `$` is `dollar`;
   * in JSONata `$states.input`/`$states.result`/`$states.errorOutput` are the named parameters.
   */
  private dataOption(
    where: string,
    value: unknown,
    jsonata: boolean,
    views: { input: View; result?: View; error?: View },
    dollar: 'input' | 'result' | 'error',
    relative?: Dollar['inputPath'],
  ): Expression | undefined {
    if (value === undefined) return undefined;
    const input = new Param('input', views.input);
    const result = views.result ? new Param('result', views.result) : undefined;
    const error = views.error ? new Param('error', views.error) : undefined;
    const ctx = new Param('ctx', contextView());
    const dollarParam = dollar === 'input' ? input : dollar === 'result' ? result : error;
    const scope: ValueScope = {
      cx: this.cx,
      where,
      jsonata,
      dollar: dollarParam && { param: dollarParam, inputPath: dollar === 'input' ? relative : undefined },
      states: { input, result, errorOutput: error },
      ctx,
    };
    let body: Expression | undefined;
    if (jsonata) body = jsonataValue(value, scope).expr;
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) body = jsonPathTemplate(value as Json, scope).expr;
    if (!body) return undefined;
    const used = [input, result, error, ctx].filter((param): param is Param => param?.used === true).map((param) => param.name);
    return arrow(used.length ? [used] : [], body);
  }

  /** ResultPath as an option, and the state's output view. */
  private resultPath(state: Json, input: View, result: View, where: string): { option?: Expression; view: View } {
    const value = state.ResultPath;
    if (value === undefined) return { view: result };
    if (value === null) return { option: f.createNull(), view: input };
    const segments = parsePath(value as string)?.segments;
    if (!segments || '$' + jsonPathSegments(segments) !== value) {
      this.cx.note(where, `ResultPath '${String(value)}' has no selector form`);
      return { option: json(value), view: OPAQUE };
    }
    if (segments.length === 0) return { option: str('$'), view: result };
    if (segments.every((segment) => typeof segment === 'string' && !segment.includes('.') && !segment.startsWith('$'))) {
      return { option: str(segments.join('.')), view: overlay(input, segments as string[], result) };
    }
    let expr: Expression = id('s');
    for (const segment of segments) expr = member(expr, segment);
    readView(input, segments);
    return { option: arrow(['s'], expr), view: input };
  }

  /** Writes one state (with its Retry/Catch and OutputPath) and returns the chain and its output view. */
  private state(chain: Expression, name: string, state: Json, scope: Scope, names: ReadonlySet<string>, view: View): { expr: Expression; view: View } {
    const jsonata = this.language(state) === 'JSONata';
    const where = name;
    const options: Entries = [...this.common(state)];
    const input = this.inputPath(state, view, where);
    if (input.option) options.push(['inputPath', input.option]);
    const relative = input.relative;
    let output = view;
    let expr: Expression;
    const type = state.Type as string;

    const resultHandling = (result: View, dollarOfAssign: 'input' | 'result' = 'result', resultSelector = true) => {
      let produced = result;
      if (resultSelector && state.ResultSelector !== undefined) {
        const r = new Param('result', result);
        const rScope: ValueScope = { cx: this.cx, where, jsonata, dollar: { param: r }, ctx: new Param('ctx', contextView()) };
        const template = jsonPathTemplate(state.ResultSelector as Json, rScope);
        const used = [r.used ? 'result' : '_', ...(rScope.ctx?.used ? ['ctx'] : [])];
        options.push(['resultSelector', arrow(rScope.ctx?.used || r.used ? used : [], template.expr)]);
        produced = template.view;
      }
      const placed = this.resultPath(state, view, produced, where);
      if (placed.option) options.push(['resultPath', placed.option]);
      output = jsonata ? (state.Output !== undefined ? OPAQUE : produced) : placed.view;
      const out = this.dataOption(where, state.Output, jsonata, { input: view, result: produced }, 'input');
      if (out) options.push(['output', out]);
      const assign = this.dataOption(where, state.Assign, jsonata, { input: view, result: produced }, dollarOfAssign, relative);
      if (assign) options.push(['assign', assign]);
    };

    switch (type) {
      case 'Task': {
        const errorNames = [...((state.Retry as Json[]) ?? []), ...((state.Catch as Json[]) ?? [])].flatMap((r) => r.ErrorEquals as string[]);
        const integration = integrationCall(
          { name, Resource: state.Resource as string, Parameters: state.Parameters, Arguments: state.Arguments, errorNames },
          ({ taskToken }) => this.scope(where, new Param('s', view), jsonata, relative, { taskToken }),
          this.cx,
        );
        for (const [option, field, leaf] of [['timeoutSeconds', 'TimeoutSeconds', 'number'], ['heartbeatSeconds', 'HeartbeatSeconds', 'number']] as const) {
          const setting = this.setting(state[field], state[`${field}Path`], where, view, jsonata, relative, leaf);
          if (setting) options.push([option, setting]);
        }
        if (state.Credentials !== undefined) {
          const credentials = this.credentials(state.Credentials, where, view, jsonata, relative);
          if (credentials) options.push(['credentials', credentials]);
        }
        resultHandling(integration.result);
        expr = method(chain, 'task', [str(name), integration.expr, ...(options.length ? [object(options)] : [])]);
        break;
      }
      case 'Pass': {
        let result: View = view;
        if (state.Result !== undefined) {
          options.push(['result', json(state.Result)]);
          result = jsonView(state.Result);
        }
        if (state.Parameters !== undefined) {
          const parameters = this.inputOption(where, view, jsonata, relative, (s) => jsonPathTemplate(state.Parameters as Json, s).expr, true);
          if (parameters) options.push(['parameters', parameters]);
          result = OPAQUE;
        }
        resultHandling(result, state.Result !== undefined || state.Parameters !== undefined ? 'result' : 'input', false);
        expr = method(chain, 'pass', [str(name), ...(options.length ? [object(options)] : [])]);
        break;
      }
      case 'Wait': {
        for (const [option, field, leaf] of [['seconds', 'Seconds', 'number'], ['timestamp', 'Timestamp', 'string']] as const) {
          const setting = this.setting(state[field], state[`${field}Path`], where, view, jsonata, relative, leaf);
          if (setting) options.push([option, setting]);
        }
        const out = this.dataOption(where, state.Output, jsonata, { input: view }, 'input');
        if (out) options.push(['output', out]);
        const assign = this.dataOption(where, state.Assign, jsonata, { input: view }, 'input', relative);
        if (assign) options.push(['assign', assign]);
        if (state.Output !== undefined) output = OPAQUE;
        expr = method(chain, 'wait', [str(name), object(options)]);
        break;
      }
      case 'Succeed': {
        this.outputPathOption(state, view, where, options);
        const out = this.dataOption(where, state.Output, jsonata, { input: view }, 'input');
        if (out) options.push(['output', out]);
        return { expr: method(chain, 'succeed', [str(name), ...(options.length ? [object(options)] : [])]), view };
      }
      case 'Fail': {
        for (const [option, field] of [['error', 'Error'], ['cause', 'Cause']] as const) {
          const setting = this.setting(state[field], state[`${field}Path`], where, view, jsonata, undefined, 'string', true);
          if (setting) options.push([option, setting]);
        }
        return { expr: method(chain, 'fail', [str(name), ...(options.length ? [object(options)] : [])]), view };
      }
      case 'Choice':
        return { expr: this.choice(chain, name, state, scope, names, view, options, jsonata, relative), view };
      case 'Parallel': {
        let branchView = view;
        const args: Expression[] = [str(name)];
        const payload = state.Parameters ?? state.Arguments;
        if (payload !== undefined) {
          let produced: View = OPAQUE;
          const parameters = this.inputOption(where, view, jsonata, relative, (s) => {
            const t = jsonata ? jsonataValue(payload, s) : jsonPathTemplate(payload as Json, s);
            produced = t.view;
            return t.expr;
          }, true);
          if (parameters) args.push(object([['parameters', parameters]]));
          branchView = produced;
        }
        const branches = (state.Branches as Json[]).map((branch) => arrow(['branch'], this.nested(branch, branchView, 'branch')));
        args.push(array(branches));
        resultHandling(OPAQUE);
        expr = method(chain, 'parallel', [...args, ...(options.length ? [object(options)] : [])]);
        break;
      }
      case 'Map':
        expr = this.map(chain, name, state, view, options, jsonata, relative, resultHandling);
        break;
      default:
        throw new Error(`unknown state type ${type}`);
    }
    expr = this.errorHandling(expr, state, scope, names, view, jsonata, where);
    if (state.OutputPath !== undefined) {
      if (state.OutputPath === null) {
        expr = method(expr, 'outputPath', [f.createNull()]);
        output = OPAQUE;
      } else {
        const s = new Param('s', output);
        const translated = pathValue(state.OutputPath as string, this.scope(where, s, false, undefined, { importedCtx: true }));
        expr = method(expr, 'outputPath', [arrow(s.used ? ['s'] : [], translated.expr)]);
        output = translated.view;
      }
    }
    return { expr, view: output };
  }

  private outputPathOption(state: Json, view: View, where: string, options: Entries): void {
    if (state.OutputPath === undefined) return;
    if (state.OutputPath === null) {
      options.push(['outputPath', f.createNull()]);
      return;
    }
    const s = new Param('s', view);
    const translated = pathValue(state.OutputPath as string, this.scope(where, s, false, undefined, { importedCtx: true }));
    options.push(['outputPath', arrow(s.used ? ['s'] : [], translated.expr)]);
  }

  /** `{ Branches[i] | ItemProcessor }` → the fragment of its states, in a fresh scope. */
  private nested(machine: Json, view: View, param = 'b'): Expression {
    const scope: Scope = { states: machine.States as Record<string, Json>, claimed: new Set() };
    return this.chain(id(param), machine.StartAt as string, scope, new Set(), view);
  }

  private setting(literal: unknown, path: unknown, where: string, view: View, jsonata: boolean, relative: Dollar['inputPath'], leaf: LeafType, intrinsic = false): Expression | undefined {
    const scope = this.scope(where, new Param('s', view), jsonata, relative);
    const value = settingValue(literal, path, scope, leaf, { intrinsic });
    if (!value) return undefined;
    return value.isLiteral ? value.expr : callbackOf(scope, value.expr);
  }

  private credentials(value: unknown, where: string, view: View, jsonata: boolean, relative: Dollar['inputPath']): Expression | undefined {
    const fields = value as Json;
    const keys = Object.keys(fields);
    if (keys.length !== 1 || (keys[0] !== 'RoleArn' && keys[0] !== 'RoleArn.$')) {
      this.cx.note(where, 'Credentials other than { RoleArn } cannot be expressed');
      return undefined;
    }
    const roleArn = keys[0] === 'RoleArn' ? this.setting(fields.RoleArn, undefined, where, view, jsonata, relative, 'string') : this.setting(undefined, fields['RoleArn.$'], where, view, jsonata, relative, 'string', true);
    return roleArn && object([['roleArn', roleArn]]);
  }

  private errorHandling(chain: Expression, state: Json, scope: Scope, names: ReadonlySet<string>, view: View, jsonata: boolean, where: string): Expression {
    let expr = chain;
    for (const retrier of (state.Retry as Json[] | undefined) ?? []) {
      const options: Entries = [];
      for (const [option, field] of [['intervalSeconds', 'IntervalSeconds'], ['maxAttempts', 'MaxAttempts'], ['backoffRate', 'BackoffRate'], ['maxDelaySeconds', 'MaxDelaySeconds'], ['jitter', 'JitterStrategy'], ['comment', 'Comment']] as const) {
        if (retrier[field] !== undefined) options.push([option, json(retrier[field])]);
      }
      expr = method(expr, 'retry', [json(retrier.ErrorEquals), ...(options.length ? [object(options)] : [])]);
    }
    for (const catcher of (state.Catch as Json[] | undefined) ?? []) {
      const options: Entries = [];
      let handlerView = ERROR_OUTPUT;
      if (catcher.ResultPath !== undefined) {
        const placed = this.resultPath(catcher, view, ERROR_OUTPUT, where);
        if (placed.option) options.push(['resultPath', placed.option]);
        handlerView = placed.view;
      }
      const out = this.dataOption(where, catcher.Output, jsonata, { input: view, error: ERROR_OUTPUT }, 'error');
      if (out) options.push(['output', out]);
      const assign = this.dataOption(where, catcher.Assign, jsonata, { input: view, error: ERROR_OUTPUT }, 'error');
      if (assign) options.push(['assign', assign]);
      if (catcher.Comment !== undefined) options.push(['comment', json(catcher.Comment)]);
      const target = this.target(catcher.Next as string, scope, names, handlerView);
      expr = method(expr, 'catch', [json(catcher.ErrorEquals), target, ...(options.length ? [object(options)] : [])]);
    }
    return expr;
  }

  private choice(chain: Expression, name: string, state: Json, scope: Scope, names: ReadonlySet<string>, view: View, options: Entries, jsonata: boolean, relative: Dollar['inputPath']): Expression {
    let builder: Expression = id('c');
    for (const [i, rule] of ((state.Choices as Json[]) ?? []).entries()) {
      const where = `${name} › Choices[${i}]`;
      const test = this.inputOption(where, view, jsonata, relative, (s) => {
        if (jsonata) return jsonataCondition(rule.Condition, s);
        const body = Object.fromEntries(Object.entries(rule).filter(([key]) => key === 'Variable' || key === 'And' || key === 'Or' || key === 'Not' || isChoiceOperatorField(key)));
        return jsonPathCondition(body, s);
      });
      if (!test) {
        this.cx.note(where, 'this rule has no DSL form that prints back the same');
        continue;
      }
      const ruleOptions: Entries = [];
      const assign = this.dataOption(where, rule.Assign, jsonata, { input: view }, 'input', relative);
      if (assign) ruleOptions.push(['assign', assign]);
      const out = this.dataOption(where, rule.Output, jsonata, { input: view }, 'input');
      if (out) ruleOptions.push(['output', out]);
      if (rule.Comment !== undefined) ruleOptions.push(['comment', json(rule.Comment)]);
      const target = this.target(rule.Next as string, scope, names, view);
      builder = method(builder, 'when', [test, target, ...(ruleOptions.length ? [object(ruleOptions)] : [])]);
    }
    if (state.Default !== undefined) builder = method(builder, 'otherwise', [this.target(state.Default as string, scope, names, view)]);
    this.outputPathOption(state, view, name, options);
    const out = this.dataOption(name, state.Output, jsonata, { input: view }, 'input');
    if (out) options.push(['output', out]);
    const assign = this.dataOption(name, state.Assign, jsonata, { input: view }, 'input', relative);
    if (assign) options.push(['assign', assign]);
    return method(chain, 'choice', [str(name), arrow(['c'], builder), ...(options.length ? [object(options)] : [])]);
  }

  private map(
    chain: Expression,
    name: string,
    state: Json,
    view: View,
    options: Entries,
    jsonata: boolean,
    relative: Dollar['inputPath'],
    resultHandling: (result: View) => void,
  ): Expression {
    const where = name;
    const iteration: Entries = [];
    let item: View = OPAQUE;
    if (state.ItemsPath !== undefined || state.Items !== undefined) {
      const items = this.inputOption(where, view, jsonata, relative, (s) => {
        if (jsonata) return jsonataValue(state.Items, s, 'array').expr;
        const translated = pathValue(state.ItemsPath as string, s, 'array');
        if (translated.view.kind === 'shape') item = readView(translated.view, [0]) ?? OPAQUE;
        return translated.expr;
      }, true);
      if (items) iteration.push(['items', items]);
    } else if (!jsonata && (relative === undefined || Array.isArray(relative))) {
      const list = readView(view, relative ?? []);
      if (list && expectLeaf(list, 'array')) item = readView(list, [0]) ?? OPAQUE;
    }
    const legacy = state.Iterator !== undefined || state.Parameters !== undefined;
    const selectorValue = state.ItemSelector ?? state.Parameters;
    if (selectorValue !== undefined) {
      const input = new Param('input', view);
      const itemParam = new Param('item', item);
      const index = new Param('index', { kind: 'opaque', type: 'number' });
      const ctx = new Param('ctx', contextView({ mapItem: item }));
      const scope: ValueScope = { cx: this.cx, where, jsonata, dollar: { param: input, inputPath: relative }, states: { input }, ctx, item: itemParam, index };
      const template = jsonata ? jsonataValue(selectorValue, scope) : jsonPathTemplate(selectorValue as Json, scope);
      const rest = [input, index, ctx].filter((param) => param.used).map((param) => param.name);
      iteration.push(['itemSelector', arrow(rest.length ? [itemParam.used ? 'item' : '_', rest] : itemParam.used ? ['item'] : [], template.expr)]);
      item = template.view;
    }
    const processor = (state.ItemProcessor ?? state.Iterator) as Json;
    const config = processor.ProcessorConfig as Json | undefined;
    if (config) {
      const keys = Object.keys(config);
      if (config.Mode === 'DISTRIBUTED' && keys.length === 2 && config.ExecutionType !== undefined) {
        iteration.push(['mode', str('DISTRIBUTED')], ['executionType', json(config.ExecutionType)]);
      } else iteration.push(['processorConfig', json(config)]);
    }
    if (legacy) {
      iteration.push(['legacyFields', withComment(object([...(state.Iterator !== undefined ? [['iterator', f.createTrue()] as const] : []), ...(state.Parameters !== undefined ? [['parameters', f.createTrue()] as const] : [])]), 'deprecated field names, kept as written')]);
    }
    iteration.push(['processor', arrow(['b'], this.nested(processor, item))]);
    if (state.ItemReader !== undefined) iteration.push(['itemReader', this.reader(state.ItemReader as Json, where, view, jsonata, relative, 'readerConfig', 'ReaderConfig')]);
    if (state.ItemBatcher !== undefined) {
      const batcher = state.ItemBatcher as Json;
      const entries: Entries = [];
      for (const [option, field] of [['maxItemsPerBatch', 'MaxItemsPerBatch'], ['maxInputBytesPerBatch', 'MaxInputBytesPerBatch']] as const) {
        const setting = this.setting(batcher[field], batcher[`${field}Path`], where, view, jsonata, relative, 'number');
        if (setting) entries.push([option, setting]);
      }
      if (batcher.BatchInput !== undefined) {
        const input = this.inputOption(where, view, jsonata, relative, (s) => (jsonata ? jsonataValue(batcher.BatchInput, s) : jsonPathTemplate(batcher.BatchInput as Json, s)).expr, true);
        if (input) entries.push(['batchInput', input]);
      }
      iteration.push(['itemBatcher', object(entries)]);
    }
    if (state.ResultWriter !== undefined) iteration.push(['resultWriter', this.reader(state.ResultWriter as Json, where, view, jsonata, relative, 'writerConfig', 'WriterConfig')]);
    for (const [option, field] of [['maxConcurrency', 'MaxConcurrency'], ['toleratedFailurePercentage', 'ToleratedFailurePercentage'], ['toleratedFailureCount', 'ToleratedFailureCount']] as const) {
      const setting = this.setting(state[field], state[`${field}Path`], where, view, jsonata, relative, 'number');
      if (setting) iteration.push([option, setting]);
    }
    if (state.Label !== undefined) iteration.push(['label', json(state.Label)]);
    resultHandling(OPAQUE);
    return method(chain, 'map', [str(name), object(iteration, true), ...(options.length ? [object(options)] : [])]);
  }

  /** ItemReader / ResultWriter: `{ resource, parameters, readerConfig | writerConfig }`. */
  private reader(value: Json, where: string, view: View, jsonata: boolean, relative: Dollar['inputPath'], configOption: string, configField: string): Expression {
    const entries: Entries = [];
    if (value.Resource !== undefined) entries.push(['resource', json(value.Resource)]);
    const payload = value.Parameters ?? value.Arguments;
    if (payload !== undefined) {
      const parameters = this.inputOption(where, view, jsonata, relative, (s) => (jsonata ? jsonataValue(payload, s) : jsonPathTemplate(payload as Json, s)).expr);
      if (parameters) entries.push(['parameters', parameters]);
    }
    const config = value[configField] as Json | undefined;
    if (config) {
      const members: Entries = [];
      for (const [key, member] of Object.entries(config)) {
        if (key === 'MaxItemsPath') {
          const scope = this.scope(where, new Param('s', view), jsonata, relative);
          members.push(['MaxItems', rawPath(member as string, scope, 'read outside a callback').expr]);
        } else if (key === 'MaxItems' && jsonata) {
          const setting = this.setting(member, undefined, where, view, jsonata, relative, 'number');
          if (setting) members.push([key, setting]);
        } else members.push([key, json(member)]);
      }
      entries.push([configOption, object(members)]);
    }
    return object(entries);
  }
}

export type { PathSegment };
