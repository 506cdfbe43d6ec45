import type { PassState } from '../../asl/types';
import { StateRunner } from '../engine/state-runner';
import { prepareStateDataFlow } from '../state-io';
import type { StatePreparer } from './state-preparer';

/** Pass: its `Result` (JSONPath) is the result; otherwise the effective input passes through. */
export const preparePassState: StatePreparer<PassState> = (state, { name, queryLanguage }) => {
  const result = state.Result;
  return new StateRunner({
    name,
    type: 'Pass',
    queryLanguage,
    flow: prepareStateDataFlow(state, queryLanguage),
    work: result === undefined || queryLanguage === 'JSONata' ? (effective) => effective : () => result,
    checkOutputSize: true,
    exits: true,
  });
};
