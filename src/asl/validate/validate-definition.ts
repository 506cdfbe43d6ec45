/** The entry point: a whole ASL document, top-level fields first, then every state. */
import { LIMITS } from '../limits';
import type { QueryLanguage, StateMachineDefinition } from '../types';
import { type DocumentContext, type MachineContext, type StateContext } from './context';
import { type AslDiagnostic, DiagnosticSink, ROOT_SITE, type ValidateOptions } from './diagnostics';
import { expectOneOf, expectString, expectInteger } from './field-checks';
import { checkFields, type FieldTable } from './field-table';
import { isRecord, type JsonRecord } from './json-values';
import { checkStates } from './state-machine';
import { nestingProblem } from '../json-nesting';
import { reportScopeConflicts, VariableScope } from './variables';

/** `CreateStateMachine` rejects definitions over 1 MB. */
export const MAX_DEFINITION_BYTES = LIMITS.definitionBytes;

const TOP_LEVEL_FIELDS: FieldTable = {
  Comment: { check: (ctx, site, value) => expectString(ctx.machine.document.sink, site, value) },
  StartAt: { required: true },
  States: { required: true },
  Version: { check: (ctx, site, value) => expectString(ctx.machine.document.sink, site, value) },
  TimeoutSeconds: { check: (ctx, site, value) => expectInteger(ctx.machine.document.sink, site, value, 0, LIMITS.maxSeconds) },
  QueryLanguage: { check: (ctx, site, value) => expectOneOf(ctx.machine.document.sink, site, value, ['JSONPath', 'JSONata']) },
};

/**
 * Every problem in an ASL document, errors and warnings, in document order.
 *
 * @example
 * ```ts
 * const diagnostics = validateDefinition(JSON.parse(text), { stateMachineType: 'EXPRESS' });
 * for (const d of diagnostics) console.log(`${d.pointer}: ${d.message}`);
 * ```
 */
export function validateDefinition(given: unknown, options: ValidateOptions = {}): AslDiagnostic[] {
  const sink = new DiagnosticSink();
  if (!isRecord(given)) {
    sink.error('INVALID_DEFINITION', ROOT_SITE, 'The state machine definition must be a JSON object with "StartAt" and "States".');
    return sink.diagnostics;
  }
  // Checked first, iteratively: every later walk recurses, and a 10,000-level document crashed
  // them with a RangeError (issue 8).
  const nesting = nestingProblem(given);
  if (nesting) {
    sink.error('INVALID_DEFINITION', ROOT_SITE, `The state machine definition is not valid JSON for Step Functions: ${nesting}. Flatten the data, or build it at run time.`);
    return sink.diagnostics;
  }
  let text: string;
  try {
    text = JSON.stringify(given);
  } catch (thrown) {
    sink.error('INVALID_DEFINITION', ROOT_SITE, `The state machine definition cannot be serialised as JSON: ${(thrown as Error).message}.`);
    return sink.diagnostics;
  }
  // Validated as the JSON document AWS would receive: members whose value is `undefined` are
  // absent (`{ StartAt: undefined }` is missing its StartAt, not valid).
  const definition = JSON.parse(text) as JsonRecord;
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_DEFINITION_BYTES) {
    sink.error('DEFINITION_TOO_LARGE', ROOT_SITE, `The definition is ${size} bytes; Step Functions accepts at most ${MAX_DEFINITION_BYTES} bytes (1 MB). Split it into nested state machines.`);
  }
  const machineLanguage: QueryLanguage = definition.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath';
  const document: DocumentContext = { sink, options, machineLanguage, stateNames: new Map(), labels: new Map() };
  const root = new VariableScope();
  const machine: MachineContext = { document, executionType: options.stateMachineType ?? 'STANDARD', scope: root };
  const topLevel: StateContext = { machine, name: '', state: definition, type: 'StateMachine', language: machineLanguage, site: ROOT_SITE };
  checkFields(topLevel, ROOT_SITE, definition, TOP_LEVEL_FIELDS, 'the state machine');
  checkStates(machine, ROOT_SITE, definition as JsonRecord);
  reportScopeConflicts(sink, root);
  return sink.diagnostics;
}

/** Thrown by {@link assertValidDefinition}; `message` lists every error. */
export class InvalidDefinitionError extends Error {
  readonly diagnostics: AslDiagnostic[];

  constructor(diagnostics: AslDiagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(
      `Invalid state machine definition (${errors.length} error${errors.length === 1 ? '' : 's'}):\n` +
        errors.map((d) => `  ${d.code} at ${d.pointer || '/'}: ${d.message}`).join('\n'),
    );
    this.name = 'InvalidDefinitionError';
    this.diagnostics = diagnostics;
  }
}

/**
 * Throws {@link InvalidDefinitionError} when the document has any error-severity diagnostic.
 *
 * @example
 * ```ts
 * assertValidDefinition(doc);       // throws before anything runs
 * doc.States[doc.StartAt];          // typed as StateMachineDefinition from here on
 * ```
 */
export function assertValidDefinition(definition: unknown, options?: ValidateOptions): asserts definition is StateMachineDefinition {
  const diagnostics = validateDefinition(definition, options);
  if (diagnostics.some((d) => d.severity === 'error')) throw new InvalidDefinitionError(diagnostics);
}
