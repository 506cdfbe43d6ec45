/**
 * `statecraft/asl`: the Amazon States Language as types, and the validator that checks a
 * definition the way `CreateStateMachine` does. The package's curated list of public names for
 * this area (`./index.ts` is the area's internal barrel).
 *
 * @example
 * import { validateDefinition, type StateMachineDefinition } from 'statecraft/asl';
 * const problems = validateDefinition(definition, { stateMachineType: 'STANDARD' });
 * for (const p of problems) console.log(`${p.severity} ${p.pointer} ${p.message} (${p.code})`);
 */
export type {
  Json,
  JsonObject,
  QueryLanguage,
  StateType,
  PayloadTemplate,
  StateMachineDefinition,
  NestedStateMachine,
  ItemProcessor,
  ProcessorConfig,
  Retrier,
  Catcher,
  TaskCredentials,
  TaskState,
  PassState,
  JsonPathChoiceRule,
  JsonataChoiceRule,
  ChoiceRule,
  ChoiceState,
  WaitState,
  SucceedState,
  FailState,
  ParallelState,
  ItemReader,
  ItemBatcher,
  ResultWriter,
  MapState,
  State,
  StateOfType,
} from './types';
export { STATE_TYPES } from './types';
export { STATES_ERROR_NAMES, isStatesErrorName, type StatesErrorName } from './error-names';
export type { AslDiagnostic, ValidateOptions, DiagnosticCode } from './validate/diagnostics';
export { validateDefinition, assertValidDefinition, InvalidDefinitionError, MAX_DEFINITION_BYTES } from './validate/validate-definition';
export { LIMITS } from './limits';
