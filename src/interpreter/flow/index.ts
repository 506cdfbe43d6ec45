import type { QueryLanguage, State } from '../../asl/types';
import type { StateDataFlow } from './data-flow';
import { compileJsonataFlow } from './jsonata-flow';
import { compileJsonPathFlow } from './jsonpath-flow';

export type { StateDataFlow, CatcherDataFlow } from './data-flow';
export { compileJsonPathCatcherFlow, compileJsonPathAssign } from './jsonpath-flow';
export { compileJsonataCatcherFlow } from './jsonata-flow';
export { compileJsonataField, evaluateJsonataField, jsonataBindings, type JsonataField } from './jsonata-field';
export { compileNumericSetting, type NumericSettingRule, type ResolveNumber } from './numeric-setting';

/**
 * The data flow of a state in its query language. `fields` lets a state type hide fields that it
 * handles itself (Map's `Parameters` is its ItemSelector, not its effective input).
 */
export function compileStateDataFlow(state: State, queryLanguage: QueryLanguage, fields: object = state): StateDataFlow {
  return queryLanguage === 'JSONata' ? compileJsonataFlow(fields as never) : compileJsonPathFlow(fields as never);
}
export { EXECUTION_VARIABLES_LIMIT_BYTES, releaseVariableScope } from './variable-storage';
