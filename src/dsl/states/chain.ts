import type { ChainNode, TailNode } from '../ast/chain';
import type { ChoiceNode, StateNode } from '../ast/states';
import type { z } from 'zod';
import type { WorkflowNode } from '../ast/workflow';
import { DESCRIBE } from '../ast/describe';
import { ChoiceBuilder } from '../choice/choice-builder';
import { DslUsageError } from '../errors/dsl-usage-error';
import type { ErrorList, NotCatchable } from '../errors/error-names';
import type { TaskIntegration } from '../integrations/task-integration';
import type { PlaceResult, ResultPathOption } from '../paths/result-path';
import type { Selector } from '../paths/selector';
import type { ContextObject } from '../context/context-object';
import { captureSource } from '../source/capture-source';
import type { Expr, Resolve } from '../values/expr';
import { CHAIN_NODE, CHAIN_TYPES, chainNodeOf, type AllTasksIn, type ChainLike, type ChainMode, type ClosedChain, type OutputOf, type TaskTypes, type TasksIn } from './chain-like';
import { dataFlowFields, pathFieldOf, type AssignOption, type InputPathOption, type OutputOption } from './data-flow-options';
import { catcherNode, retrierNode, type CatchOptions, type ErrorOutput, type RetryOptions } from './error-handling';
import { mapNode, type MapIteration, type MapOptions } from './map';
import type { ItemBatcherOptions, ItemReaderOptions, IterationInput, MapItem, MapResult, MapSelection, NoBatcher, NoReader, NoWriter, Pending, ResultWriterOptions, S3ParametersCheck } from './map-items';
import { parallelNode, type ParallelOptions } from './parallel';
import { passNode, type PassOptions, type PassResult } from './pass';
import type { StateOptions } from './state-options';
import type { StateOutput } from './state-output';
import { targetNode, type Target } from './targets';
import { commonFields, taskNode, type TaskOptions } from './task';
import { failNode, succeedNode, type FailOptions, type SucceedOptions } from './terminal-states';
import { waitNode, type WaitOptions } from './wait';
import type { AnyVariables } from '../variables/assignments';

/** Workflow-level settings kept beside the root chain. */
export type WorkflowSettings = Omit<WorkflowNode, 'kind' | 'chain'>;

interface ChainData {
  readonly node: ChainNode;
  readonly workflow?: WorkflowSettings;
  /** The zod schema of the execution input (kept out of the AST: it is not plain data). */
  readonly inputSchema?: z.core.$ZodType;
}

/**
 * A fresh fragment whose input is `S`, for branches, catch handlers and choice targets; `V`: the
 * workflow's declared variables, so `assign` stays typed inside them.
 */
export type Start<S, Names extends string = never, V = AnyVariables> = Chain<S, S, Names, NotCatchable, 'fragment', unknown, {}, V>;

/** Options of a Choice state (its `output`/`assign` apply when the Default is taken). */
export interface ChoiceOptions<S, V = AnyVariables> extends StateOptions {
  inputPath?: InputPathOption<S>;
  /** JSONPath `OutputPath`: what the Choice passes on (a Choice closes the chain, so it cannot take `.outputPath(...)`). */
  outputPath?: InputPathOption<S>;
  output?: OutputOption<S, never>;
  assign?: AssignOption<S, never, V>;
}

type BranchOutputs<B extends readonly unknown[]> = {
  -readonly [K in keyof B]: B[K] extends (...args: any[]) => infer C ? OutputOf<C> : never;
};

/**
 * `unknown` when a catch handler accepts what it receives; otherwise a member whose name says what
 * to do, so the type error names the fix in its first lines (instead of a dozen lines of `Target`
 * alternatives with the missing member last).
 */
type CatchTargetCheck<T, Input, P> = T extends ChainLike<infer Wanted, any, any>
  ? [Input] extends [Wanted]
    ? unknown
    : [P] extends [undefined]
      ? { readonly 'Without resultPath a catch handler receives only the error output { Error, Cause }: add { resultPath: "error" } to keep the state input, or write the handler for ErrorOutput': true }
      : { readonly 'This catch handler does not accept the state input with the error output placed at resultPath: fix the handler input type or the resultPath': true }
  : unknown;

type ElementOf<S> = S extends readonly (infer E)[] ? E : unknown;

/** The options `.map(...)` takes (to infer which are given). */
type MapIterationKey = keyof MapIteration<unknown, unknown, unknown> | 'processor';

const END: TailNode = Object.freeze({ kind: 'end' });
const CLOSING_KINDS: ReadonlySet<StateNode['kind']> = new Set(['Choice', 'Succeed', 'Fail']);
const CATCHING_KINDS: ReadonlySet<StateNode['kind']> = new Set(['Task', 'Parallel', 'Map']);

/**
 * An immutable sequence of states. Each method appends a state (or configures the last one) and
 * returns a **new** chain, so a chain can be shared and extended in several ways safely.
 *
 * Type parameters track what the next state receives (`S`), the state names defined so far
 * (`Names`, valid loop targets), the errors the last state can raise (`Err`, for `.retry`/`.catch`)
 * and that state's input (`LastIn`, what a catcher receives), the Task states (`Tasks`, for typed
 * mocks) and the workflow's declared variables (`V`, which type every `assign`).
 *
 * @example
 * const flow = workflow('Orders', { input: Order })
 *   .task('Charge', lambda.invoke(charge, s => ({ id: s.order.id })), { resultPath: 'charge' })
 *   .retry(['Lambda.ServiceException'], { maxAttempts: 6 })
 *   .succeed('Done');
 */
export class Chain<In, S, Names extends string, Err, Mode extends ChainMode, LastIn = unknown, Tasks = {}, V = AnyVariables> implements ChainLike<In, S, Mode, Tasks> {
  readonly [CHAIN_NODE]: ChainNode;
  declare readonly [CHAIN_TYPES]?: { input: (input: In) => void; output: S; mode: Mode; tasks: Tasks };
  readonly #workflow: WorkflowSettings | undefined;
  readonly #inputSchema: z.core.$ZodType | undefined;

  constructor(data: ChainData) {
    this[CHAIN_NODE] = data.node;
    this.#workflow = data.workflow;
    this.#inputSchema = data.inputSchema;
    Object.freeze(this);
  }

  /** The frozen workflow description (plain data) when this chain is a workflow; see `describeWorkflow`. */
  [DESCRIBE](): WorkflowNode | undefined {
    if (!this.#workflow) return undefined;
    return Object.freeze({ kind: 'workflow', ...this.#workflow, chain: this[CHAIN_NODE] });
  }

  /** The zod schema given as `input` to `workflow(...)`, to validate execution inputs. */
  get inputSchema(): z.core.$ZodType | undefined {
    return this.#inputSchema;
  }

  /** Runs an integration: `.task('Charge', lambda.invoke(fn, s => ({ ... })), { resultPath: 'charge' })`. */
  task<const N extends string, R, E extends string, const O extends TaskOptions<S, R, V>, Req = unknown>(
    name: N,
    integration: TaskIntegration<S, R, E, Req>,
    options?: O,
  ): Chain<In, StateOutput<S, R, O>, Names | N, E, Mode, S, Tasks & { [K in N]: TaskTypes<S, R, Req> }, V> {
    return this.#append(taskNode(name, integration, options as TaskOptions<S, R>)) as never;
  }

  /** A Pass state: passes its input, or a fixed `result`, or `parameters` built from the input. */
  pass<const N extends string, const O extends PassOptions<S, any, V>>(
    name: N,
    options?: O,
  ): Chain<In, StateOutput<S, PassResult<S, O>, O>, Names | N, NotCatchable<'Pass'>, Mode, unknown, Tasks, V> {
    return this.#append(passNode(name, (options ?? {}) as PassOptions<S, unknown>)) as never;
  }

  /** A Wait state: `{ seconds: 30 }`, `{ timestamp: s => s.dueAt }`, ... */
  wait<const N extends string, O extends WaitOptions<S, V>>(
    name: N,
    options: O,
  ): Chain<In, O extends { output: (...args: any[]) => infer X } ? Resolve<X> : S, Names | N, NotCatchable<'Wait'>, Mode, unknown, Tasks, V> {
    return this.#append(waitNode(name, options)) as never;
  }

  /**
   * Runs `branches` concurrently; the result is the tuple of their outputs. Each branch receives
   * the state input, or, with `{ parameters }` before the branches, the input built by
   * `parameters` (ASL `Parameters`/`Arguments`), and is typed accordingly.
   *
   * @example
   * .parallel('Notify', [b => b.task('Email', ...), b => b.task('Sms', ...)], { resultPath: 'notified' })
   * .parallel('Check', { parameters: s => ({ id: s.order.id }) }, [b => b.task('Stock', lambda.invoke(stock, s => ({ id: s.id })))])
   */
  parallel<
    const N extends string,
    P,
    const B extends readonly ((branch: Start<Resolve<P>, never, V>) => ChainLike<any, any, 'fragment'>)[],
    const O extends Omit<ParallelOptions<S, BranchOutputs<B>, V>, 'parameters'>,
  >(
    name: N,
    input: { parameters: (s: Selector<S>, ctx: Selector<ContextObject>) => P },
    branches: B,
    options?: O,
  ): Chain<In, StateOutput<S, BranchOutputs<B>, O>, Names | N, string, Mode, S, Tasks & AllTasksIn<B[number]>, V>;
  parallel<
    const N extends string,
    const B extends readonly ((branch: Start<S, never, V>) => ChainLike<any, any, 'fragment'>)[],
    const O extends ParallelOptions<S, BranchOutputs<B>, V>,
  >(name: N, branches: B, options?: O): Chain<In, StateOutput<S, BranchOutputs<B>, O>, Names | N, string, Mode, S, Tasks & AllTasksIn<B[number]>, V>;
  parallel(name: string, ...args: unknown[]): unknown {
    type BranchBuilder = (branch: any) => ChainLike<any, any, 'fragment'>;
    const withParameters = !Array.isArray(args[0]);
    const input = (withParameters ? args[0] : {}) as Pick<ParallelOptions<S, unknown>, 'parameters'>;
    const branches = (withParameters ? args[1] : args[0]) as readonly BranchBuilder[];
    const options = ((withParameters ? args[2] : args[1]) ?? {}) as ParallelOptions<S, unknown>;
    const nodes = branches.map((build) => chainNodeOf(build(start<unknown>())));
    return this.#append(parallelNode(name, nodes, withParameters ? { ...options, parameters: input.parameters } : options));
  }

  /**
   * Runs `processor` once per item of `items` (or of the `itemReader`'s source, or per batch with
   * `itemBatcher`); the result is the array of the iterations' outputs (with a `resultWriter`
   * exporting to S3: the Map Run's export location). The processor's input follows from the items,
   * `itemSelector` and `itemBatcher`; a processor written for another input is a type error.
   *
   * @example
   * .map('Rows', {
   *   itemReader: { resource: 'arn:aws:states:::s3:getObject', parameters: { Bucket: 'in', Key: 'rows.csv' },
   *     readerConfig: { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['sku', 'qty'] } },
   *   itemBatcher: { maxItemsPerBatch: 100 },
   *   processor: (b) => b.task('Load', lambda.invoke(load, (s) => ({ rows: s.Items }))), // s.Items: { sku: string; qty: string }[]
   * })
   */
  map<
    const N extends string,
    const O extends MapOptions<S, MapResult<Out, Writer>, V>,
    const Keys extends MapIterationKey,
    const Reader extends ItemReaderOptions<S> = NoReader<S>,
    const Batcher extends ItemBatcherOptions<S> = NoBatcher<S>,
    const Writer extends ResultWriterOptions<S> = NoWriter<S>,
    Item = Pending,
    Selected = Pending,
    // The processor parameter's type, fixed when TypeScript types it (see `Pending`).
    ProcessorIn = IterationInput<MapSelection<Keys, Selected, MapItem<Keys, Item, Reader, ElementOf<S>>>, Batcher, Keys>,
    Out = unknown,
    ProcessorTasks = {},
  >(
    name: N,
    iteration: MapIteration<S, Item, Selected, Reader, Batcher, Writer, MapItem<Keys, Item, Reader, ElementOf<S>>> & {
      processor: (
        item: Start<NoInfer<ProcessorIn>, never, V>,
      ) => ChainLike<
        NoInfer<IterationInput<MapSelection<Keys, Selected, MapItem<Keys, Item, Reader, ElementOf<S>>>, Batcher, Keys>>,
        Out,
        'fragment',
        ProcessorTasks
      >;
    } & { readonly [K in Keys]?: unknown } & NoInfer<S3ParametersCheck<Reader, Writer>>,
    options?: O,
  ): Chain<In, StateOutput<S, MapResult<Out, Writer>, O>, Names | N, string, Mode, S, Tasks & ProcessorTasks, V> {
    const processor = chainNodeOf(iteration.processor(start<ProcessorIn>()) as ChainLike<unknown, unknown>);
    return this.#append(mapNode(name, processor, iteration as MapIteration<S, unknown, unknown>, options as MapOptions<S, unknown>)) as never;
  }

  /** A Choice state; it closes the chain (each rule names where to go). */
  choice<const N extends string, TargetTasks = {}>(
    name: N,
    build: (choice: ChoiceBuilder<S, Names | N, Start<S, Names | N, V>, {}, V>) => ChoiceBuilder<S, Names | N, Start<S, Names | N, V>, TargetTasks, V>,
    options: ChoiceOptions<S, V> = {},
  ): ClosedChain<In, unknown, Mode, Tasks & TargetTasks> {
    const source = captureSource();
    const rules = build(new ChoiceBuilder<S, Names | N, Start<S, Names | N, V>, {}, V>(() => start<S, Names | N, V>()));
    if (rules.rules.length === 0) throw new DslUsageError(`Choice '${name}' has no rules; add .when(condition, target).`);
    const node: ChoiceNode = Object.freeze({
      kind: 'Choice',
      name,
      source,
      ...commonFields(options),
      ...dataFlowFields<S, never>(options as ChoiceOptions<S>),
      ...(options.outputPath !== undefined && { outputPath: pathFieldOf(options.outputPath, 'outputPath') }),
      rules: rules.rules,
      ...(rules.otherwiseTarget && { otherwise: rules.otherwiseTarget }),
    });
    return this.#append(node) as never;
  }

  /** Ends the chain successfully. */
  succeed<const N extends string>(name: N, options?: SucceedOptions<S>): ClosedChain<In, S, Mode, Tasks> {
    return this.#append(succeedNode(name, options)) as never;
  }

  /** Ends the chain with an error: `.fail('Declined', { error: 'PaymentDeclined', cause: s => s.reason })`. */
  fail<const N extends string>(name: N, options?: FailOptions<S>): ClosedChain<In, never, Mode, Tasks> {
    return this.#append(failNode(name, options)) as never;
  }

  /** Continues with another chain or jumps to a named state (a loop); closes this chain. */
  next<const T extends Target<S, Names, Start<S, Names, V>>>(target: T): ClosedChain<In, unknown, Mode, Tasks & TasksIn<T>> {
    this.#assertOpen('.next(...)');
    if (this[CHAIN_NODE].steps.length === 0) throw new DslUsageError('.next(...) needs a state before it; start with a state.');
    const node: ChainNode = Object.freeze({
      kind: 'chain',
      steps: this[CHAIN_NODE].steps,
      tail: Object.freeze({ kind: 'next', target: targetNode(target, () => start<S, Names>()) }),
    });
    return new Chain({ node, workflow: this.#workflow, inputSchema: this.#inputSchema });
  }

  /** Adds a retrier to the last state (Task, Parallel or Map): `.retry(['States.Timeout'], { maxAttempts: 2 })`. */
  retry(errors: ErrorList<Err>, options?: RetryOptions): Chain<In, S, Names, Err, Mode, LastIn, Tasks, V> {
    return this.#updateLast('.retry(...)', (last) => ({ retry: [...(last.retry ?? []), retrierNode(errors as readonly string[], options)] }));
  }

  /**
   * Adds a catcher to the last state (Task, Parallel or Map): on a matching error, go to `target`.
   * `options.resultPath` places the error output (`{ Error, Cause }`) into the state's input;
   * without it the handler receives the error output alone.
   */
  catch<
    // `any` here, checked by `CatchTargetCheck` below: a wrong handler then reads as the fix.
    const T extends Target<any, Names, Start<PlaceResult<LastIn, ErrorOutput, P>, Names, V>>,
    const P extends ResultPathOption<LastIn> | undefined = undefined,
  >(
    errors: ErrorList<Err, 'catch'>,
    target: T & CatchTargetCheck<T, PlaceResult<LastIn, ErrorOutput, P>, P>,
    options?: CatchOptions<LastIn, V> & { resultPath?: P },
  ): Chain<In, S, Names, Err, Mode, LastIn, Tasks & TasksIn<T>, V> {
    const node = targetNode(target, () => start<unknown, Names>());
    return this.#updateLast('.catch(...)', (last) => ({ catch: [...(last.catch ?? []), catcherNode(errors as readonly string[], node, options as CatchOptions<LastIn>)] })) as never;
  }

  /** Sets the last state's `OutputPath` (JSONPath): what it passes on, selected from its output. */
  outputPath<T>(select: ((s: Selector<S>) => Expr<T>) | null): Chain<In, T, Names, Err, Mode, LastIn, Tasks, V> {
    const path = pathFieldOf(select as InputPathOption<S>, 'outputPath');
    return this.#updateLast('.outputPath(...)', () => ({ outputPath: path }), false) as never;
  }

  #assertOpen(action: string): void {
    const { steps, tail } = this[CHAIN_NODE];
    const last = steps[steps.length - 1];
    if (tail.kind === 'next' || (last && CLOSING_KINDS.has(last.kind))) {
      throw new DslUsageError(
        `${action} after '${last?.name}': a ${tail.kind === 'next' ? '.next(...)' : last?.kind} state ends the chain. Build the rest as a chain<S>() fragment and target it instead.`,
      );
    }
  }

  #append(state: StateNode): Chain<In, any, any, any, Mode> {
    this.#assertOpen(`Adding '${state.name}'`);
    const node: ChainNode = Object.freeze({ kind: 'chain', steps: Object.freeze([...this[CHAIN_NODE].steps, state]), tail: END });
    return new Chain({ node, workflow: this.#workflow, inputSchema: this.#inputSchema });
  }

  #updateLast(action: string, change: (last: any) => Record<string, unknown>, catchingOnly = true): Chain<In, S, Names, Err, Mode, LastIn, Tasks, V> {
    const { steps, tail } = this[CHAIN_NODE];
    const last = steps[steps.length - 1];
    if (!last) throw new DslUsageError(`${action} needs a state before it.`);
    if (catchingOnly && !CATCHING_KINDS.has(last.kind)) {
      throw new DslUsageError(`${action} applies to Task, Parallel and Map states; '${last.name}' is a ${last.kind}.`);
    }
    if (last.kind === 'Fail') throw new DslUsageError(`${action}: a Fail state has no output.`);
    const updated = Object.freeze({ ...last, ...freezeValues(change(last)) }) as StateNode;
    const node: ChainNode = Object.freeze({ kind: 'chain', steps: Object.freeze([...steps.slice(0, -1), updated]), tail });
    return new Chain({ node, workflow: this.#workflow, inputSchema: this.#inputSchema });
  }
}

function freezeValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, Array.isArray(value) ? Object.freeze(value) : value]));
}

/** An empty fragment. */
export function start<S, Names extends string = never, V = AnyVariables>(): Start<S, Names, V> {
  return new Chain({ node: Object.freeze({ kind: 'chain', steps: Object.freeze([]), tail: END }) });
}

/**
 * Starts a reusable fragment whose input is `S`, to use as a choice target, catch handler or
 * shared continuation. A fragment reached from several places is emitted once.
 *
 * @example
 * const ship = chain<OrderState>().task('Ship', lambda.invoke(shipFn, s => ({ id: s.order.id }))).succeed('Shipped');
 */
export function chain<S>(): Start<S> {
  return start<S>();
}

/** A one-state fragment that fails: `fail('Declined', { error: 'PaymentDeclined' })`. */
export function fail(name: string, options?: FailOptions<unknown>): ClosedChain<unknown, never> {
  return start<unknown>().fail(name, options);
}

/** A one-state fragment that succeeds. */
export function succeed(name: string, options?: SucceedOptions<unknown>): ClosedChain<unknown, unknown> {
  return start<unknown>().succeed(name, options);
}
