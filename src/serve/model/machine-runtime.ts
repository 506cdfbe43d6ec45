import type { Interpreter } from '../../interpreter/execution/interpreter';
import type { StateMachine } from '../../interpreter/execution/state-machine';
import type { MachineRecord } from './catalog';
import { checkedDefinition } from './invalid-definition';

/**
 * The interpreter's prepared machine for each revision the API can run (the latest, each
 * version), prepared once. Keyed by revision: a version shares its revision's preparation.
 */
export class MachineRuntime {
  private readonly prepared = new Map<string, StateMachine>();

  constructor(private readonly interpreter: Interpreter) {}

  /**
   * The prepared machine of `machine`'s revision `revisionId` with `definition`. The latest
   * revision is prepared last (`latest`), so `states:startExecution` Tasks that name the machine
   * run its latest revision.
   */
  get(machine: MachineRecord, revision: { revisionId: string; definition: string; roleArn: string }): StateMachine {
    const key = `${machine.arn}#${revision.revisionId}`;
    let prepared = this.prepared.get(key);
    if (!prepared) {
      prepared = this.interpreter.createStateMachine(checkedDefinition(revision.definition, machine.type), {
        name: machine.name,
        type: machine.type,
        roleArn: revision.roleArn,
      });
      this.prepared.set(key, prepared);
      if (revision.revisionId !== machine.revisionId) this.latest(machine);
    }
    return prepared;
  }

  /** Prepares (or re-registers) the latest revision. */
  latest(machine: MachineRecord): StateMachine {
    const key = `${machine.arn}#${machine.revisionId}`;
    this.prepared.delete(key);
    return this.get(machine, machine);
  }

  forget(machine: MachineRecord): void {
    for (const key of [...this.prepared.keys()]) if (key.startsWith(`${machine.arn}#`)) this.prepared.delete(key);
  }
}
