/**
 * The state a validation pass carries: where diagnostics go, the document-wide registries
 * (state names, Map labels, variable scopes) and what applies to the part being checked.
 */
import type { QueryLanguage } from '../types';
import { DiagnosticSink, type Site, type ValidateOptions } from './diagnostics';
import type { JsonRecord } from './json-values';
import type { VariableScope } from './variables';

export type ExecutionType = 'STANDARD' | 'EXPRESS';

/** Document-wide facts, shared by every nested state machine. */
export interface DocumentContext {
  readonly sink: DiagnosticSink;
  readonly options: ValidateOptions;
  /** The top-level `QueryLanguage`: the default of every state, nested ones included. */
  readonly machineLanguage: QueryLanguage;
  /** First site of each state name, to report duplicates across branches and processors. */
  readonly stateNames: Map<string, Site>;
  /** First site of each Map `Label`. */
  readonly labels: Map<string, Site>;
}

/** One `States` object (the top level, a Parallel branch, a Map processor). */
export interface MachineContext {
  readonly document: DocumentContext;
  /** The workflow type its states run in: a Distributed Map's children may be Express. */
  readonly executionType: ExecutionType;
  readonly scope: VariableScope;
}

/** The state being checked. */
export interface StateContext {
  readonly machine: MachineContext;
  readonly name: string;
  readonly state: JsonRecord;
  readonly type: string;
  readonly language: QueryLanguage;
  readonly site: Site;
}

/** Shorthand used by every rule. */
export function sinkOf(ctx: StateContext): DiagnosticSink {
  return ctx.machine.document.sink;
}
