import { randomUUID } from 'node:crypto';
import { ApiError } from '../protocol/api-error';
import { checkName, parseMachineReference, stateMachineArn, type ArnScope, type MachineReference } from './arns';

export type MachineType = 'STANDARD' | 'EXPRESS';

/** A state machine as the API describes it (its latest revision). */
export interface MachineRecord {
  name: string;
  arn: string;
  type: MachineType;
  roleArn: string;
  /** The definition text exactly as given (DescribeStateMachine returns it unchanged). */
  definition: string;
  description?: string;
  revisionId: string;
  creationDate: number;
  updateDate?: number;
  loggingConfiguration?: unknown;
  tracingConfiguration?: unknown;
  versions: VersionRecord[];
  nextVersion: number;
  aliases: AliasRecord[];
}

/** A published version: an immutable copy of one revision. */
export interface VersionRecord {
  arn: string;
  version: number;
  definition: string;
  roleArn: string;
  description?: string;
  revisionId: string;
  creationDate: number;
}

export interface AliasRecord {
  arn: string;
  name: string;
  description?: string;
  routingConfiguration: { stateMachineVersionArn: string; weight: number }[];
  creationDate: number;
  updateDate?: number;
}

export interface ActivityRecord {
  arn: string;
  name: string;
  creationDate: number;
}

/** Everything but executions: the part of the server's state that `--data` keeps in `catalog.json`. */
export interface CatalogData {
  machines: MachineRecord[];
  activities: ActivityRecord[];
  tags: Record<string, Record<string, string>>;
}

/** What an execution runs: a revision of a machine, reached directly, through a version or an alias. */
export interface ResolvedMachine {
  machine: MachineRecord;
  definition: string;
  roleArn: string;
  versionArn?: string;
  aliasArn?: string;
}

/**
 * State machines with their versions and aliases, activities' names, and tags: the control
 * plane, as plain data (so it is saved and loaded as JSON). Every lookup fails with AWS's error.
 */
export class Catalog {
  readonly machines = new Map<string, MachineRecord>();
  readonly activities = new Map<string, ActivityRecord>();
  readonly tags = new Map<string, Record<string, string>>();

  constructor(readonly scope: ArnScope) {}

  static from(scope: ArnScope, data: CatalogData): Catalog {
    const catalog = new Catalog(scope);
    for (const m of data.machines) catalog.machines.set(m.arn, m);
    for (const a of data.activities) catalog.activities.set(a.arn, a);
    for (const [arn, tags] of Object.entries(data.tags)) catalog.tags.set(arn, tags);
    return catalog;
  }

  toData(): CatalogData {
    return { machines: [...this.machines.values()], activities: [...this.activities.values()], tags: Object.fromEntries(this.tags) };
  }

  newMachine(fields: Omit<MachineRecord, 'arn' | 'revisionId' | 'versions' | 'nextVersion' | 'aliases'>): MachineRecord {
    checkName(fields.name);
    const arn = stateMachineArn(this.scope, fields.name);
    return { ...fields, arn, revisionId: randomUUID(), versions: [], nextVersion: 1, aliases: [] };
  }

  machine(arn: string): MachineRecord {
    const ref = parseMachineReference(arn);
    if (ref.version !== undefined || ref.alias !== undefined) throw new ApiError('InvalidArn', `Invalid Arn: '${arn}' (expected an unqualified state machine ARN)`);
    const machine = this.machines.get(arn);
    if (!machine) throw new ApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    return machine;
  }

  /** The revision `arn` names: the latest, a version (`…:3`) or an alias (weighted pick between its versions). */
  resolve(arn: string): ResolvedMachine {
    const ref = parseMachineReference(arn);
    const machine = this.machines.get(ref.baseArn);
    if (!machine) throw new ApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    if (ref.version !== undefined) {
      const version = this.version(machine, ref, arn);
      return { machine, definition: version.definition, roleArn: version.roleArn, versionArn: version.arn };
    }
    if (ref.alias !== undefined) {
      const alias = this.alias(machine, ref.alias, arn);
      const versionArn = pickWeighted(alias.routingConfiguration);
      const version = this.version(machine, parseMachineReference(versionArn), versionArn);
      return { machine, definition: version.definition, roleArn: version.roleArn, versionArn: version.arn, aliasArn: alias.arn };
    }
    return { machine, definition: machine.definition, roleArn: machine.roleArn };
  }

  version(machine: MachineRecord, ref: MachineReference, arn: string): VersionRecord {
    const version = machine.versions.find((v) => v.version === ref.version);
    if (!version) throw new ApiError('ResourceNotFound', `Resource not found: '${arn}'`);
    return version;
  }

  alias(machine: MachineRecord, name: string, arn: string): AliasRecord {
    const alias = machine.aliases.find((a) => a.name === name);
    if (!alias) throw new ApiError('ResourceNotFound', `Resource not found: '${arn}'`);
    return alias;
  }

  /** Publishes the latest revision; publishing an unchanged revision again returns the existing version (as AWS does). */
  publish(machine: MachineRecord, description: string | undefined, now: number): VersionRecord {
    const existing = machine.versions.find((v) => v.revisionId === machine.revisionId);
    if (existing) return existing;
    const version: VersionRecord = {
      arn: `${machine.arn}:${machine.nextVersion}`,
      version: machine.nextVersion,
      definition: machine.definition,
      roleArn: machine.roleArn,
      revisionId: machine.revisionId,
      creationDate: now,
      ...(description === undefined ? {} : { description }),
    };
    machine.nextVersion++;
    machine.versions.push(version);
    return version;
  }

  /** The resource `arn` names, for tags: a state machine or an activity. */
  taggable(arn: string): void {
    if (this.machines.has(arn) || this.activities.has(arn)) return;
    throw new ApiError('ResourceNotFound', `Resource not found: '${arn}'`);
  }
}

function pickWeighted(routes: { stateMachineVersionArn: string; weight: number }[]): string {
  const total = routes.reduce((sum, r) => sum + r.weight, 0);
  let draw = Math.random() * total;
  for (const route of routes) {
    draw -= route.weight;
    if (draw < 0) return route.stateMachineVersionArn;
  }
  return routes[routes.length - 1].stateMachineVersionArn;
}
