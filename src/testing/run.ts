import type { Json } from '../asl/types';
import { compileWorkflow } from '../compiler/compile-workflow';
import type { CHAIN_TYPES, OutputOf } from '../dsl/states/chain-like';
import type { Workflow } from '../dsl/workflow';
import { Interpreter, type HistoryEvent, type InterpreterOptions, type TaskMocks } from '../interpreter/index';
import type { ExecutionFacts } from './execution-facts';
import type { WorkflowMocks } from './mocks-for';
import { schemaCheckedMocks } from './result-schemas';

/** Options of {@link run}: the interpreter's options, with mocks typed by the workflow. */
export interface RunOptions<W extends Workflow<any>> extends Omit<InterpreterOptions, 'mocks'> {
  /** Mocks by Task state name, typed by the workflow (build them with `mocksFor(workflow)`). */
  mocks?: WorkflowMocks<W>;
  /** The execution name (default: generated). */
  name?: string;
}

/** The input a workflow's first state accepts. */
export type InputOf<W> = W extends { readonly [CHAIN_TYPES]?: { input: (input: infer In) => void } } ? In : unknown;

/**
 * A finished execution, with its output typed as the workflow's output. Give it to the matchers
 * of `statecraft/testing/vitest` (`expect(execution).toHaveSucceededWith(...)`).
 */
export interface TestRun<Out> extends ExecutionFacts {
  status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  /** The output when the execution succeeded. */
  output?: Out;
  history: HistoryEvent[];
}

/**
 * Compiles a workflow, runs one execution of it in the interpreter (virtual clock: waits take no
 * real time) and resolves when it has finished. A mock whose answer fails its Task's `result`
 * schema makes it reject with a `MockResultSchemaError` naming the state and the field.
 *
 * @example
 * const execution = await run(orderFlow, { order: { id: 'o-1', total: 50 } }, {
 *   mocks: mocksFor(orderFlow)({ Charge: () => ({ chargeId: 'ch_1' }) }),
 * });
 * execution.output?.charge; // typed from the workflow
 */
export async function run<W extends Workflow<any>>(
  workflow: W,
  input: InputOf<W>,
  options: RunOptions<W> = {},
): Promise<TestRun<OutputOf<W>>> {
  const { mocks, name, ...interpreterOptions } = options;
  const { name: workflowName, definition, stateMachineType } = compileWorkflow(workflow);
  const interpreter = new Interpreter(interpreterOptions);
  const machine = interpreter.createStateMachine(definition, { name: workflowName, type: stateMachineType });
  // Mocks of Tasks with a `result` schema are checked against it; a rejected answer fails `run`.
  const checked = schemaCheckedMocks(workflow, workflowName, (mocks ?? {}) as TaskMocks);
  const execution = machine.startExecution(input as Json, { mocks: checked.mocks, ...(name !== undefined && { name }) });
  const result = await execution.result;
  if (checked.violations.length > 0) throw checked.violations[0];
  return { ...result, output: result.output as OutputOf<W> | undefined, history: execution.history() };
}
