import type { Json } from '../../asl/types';
import type { ExecutionDescription } from '../execution/execution';
import type { ExecutionResult } from '../execution/types';
import type { TaskMocks } from '../tasks/task-mocks';

/** A running child execution, as a parent Task sees it. */
export interface NestedExecution {
  readonly executionArn: string;
  readonly result: Promise<ExecutionResult>;
  describe(): ExecutionDescription;
  stop(error?: string, cause?: string): void;
}

/** A state machine a Task can start (`StateMachine` implements it). */
export interface NestedMachine {
  readonly stateMachineArn: string;
  startExecution(input: Json, options?: { name?: string; inheritedMocks?: readonly TaskMocks[] }): NestedExecution;
}

/** The state machines created on one interpreter, by ARN: the targets of `states:startExecution`. */
export class StateMachineRegistry {
  private readonly machines = new Map<string, NestedMachine>();

  register(machine: NestedMachine): void {
    this.machines.set(machine.stateMachineArn, machine);
  }

  get(stateMachineArn: string): NestedMachine | undefined {
    return this.machines.get(stateMachineArn);
  }
}
