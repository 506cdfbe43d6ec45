import type { Json, JsonObject } from '../../asl/types';
import type { Frame } from '../engine/runtime';
import { StatesError } from '../errors';
import { randomUuid } from '../random/seeded-random';
import type { TaskCall } from '../tasks/invoke-task';
import type { NestedExecution, NestedMachine, StateMachineRegistry } from './state-machine-registry';

/**
 * The registered state machine a `states:startExecution` Task targets, or `undefined` (another
 * resource, or a machine this interpreter does not know: a mock must answer then).
 */
export function nestedTarget(machines: StateMachineRegistry, call: TaskCall): NestedMachine | undefined {
  const { resource, input } = call;
  if (resource.service !== 'states' || resource.api !== 'startExecution') return undefined;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const arn = (input as JsonObject).StateMachineArn;
  return typeof arn === 'string' ? machines.get(arn) : undefined;
}

/**
 * Starts the child execution with the Task's `Input` (a JSON value, or JSON text, as AWS accepts;
 * absent or null: `{}`) and `Name` (default: a UUID). The child inherits the parent execution's
 * own mocks (`startExecution(input, { mocks })`, and what the parent inherited), so a test that
 * mocks a state of the child machine on the parent execution reaches it; the interpreter's mocks
 * apply to every execution anyway.
 */
export function startChild(machine: NestedMachine, call: TaskCall, frame: Frame): NestedExecution {
  const parameters = call.input as JsonObject;
  const name = typeof parameters.Name === 'string' ? parameters.Name : randomUuid(frame.runtime.random);
  return machine.startExecution(childInput(parameters.Input), { name, inheritedMocks: frame.runtime.tasks.childMocks });
}

function childInput(input: Json | undefined): Json {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input) as Json;
  } catch {
    throw new StatesError('SFN.InvalidExecutionInputException', `Invalid State Machine Execution Input: '${input}' is not valid JSON.`);
  }
}
