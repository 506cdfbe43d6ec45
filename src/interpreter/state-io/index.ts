import type { QueryLanguage, State } from '../../asl/types';
import type { StateDataFlow } from './data-flow';
import { prepareJsonataFlow } from './jsonata-flow';
import { prepareJsonPathFlow } from './jsonpath-flow';

export type { StateDataFlow, CatcherDataFlow } from './data-flow';
export { prepareJsonPathCatcherFlow, prepareJsonPathAssign } from './jsonpath-flow';
export { prepareJsonataCatcherFlow } from './jsonata-flow';
export { prepareJsonataField, evaluateJsonataField, jsonataBindings, type JsonataField } from './jsonata-field';
export { prepareNumericSetting, type NumericSettingRule, type ResolveNumber } from './numeric-setting';

/**
 * The data flow of a state in its query language. `fields` lets a state type hide fields that it
 * handles itself (Map's `Parameters` is its ItemSelector, not its effective input).
 */
export function prepareStateDataFlow(state: State, queryLanguage: QueryLanguage, fields: object = state): StateDataFlow {
  return queryLanguage === 'JSONata' ? prepareJsonataFlow(fields as never) : prepareJsonPathFlow(fields as never);
}
export { releaseVariableScope } from './variable-storage';
