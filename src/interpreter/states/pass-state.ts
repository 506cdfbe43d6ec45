import type { PassState } from '../../asl/types';
import { StateRunner } from '../engine/state-runner';
import { compileStateDataFlow } from '../flow';
import type { StateCompiler } from './state-compiler';

/** Pass: its `Result` (JSONPath) is the result; otherwise the effective input passes through. */
export const compilePassState: StateCompiler<PassState> = (state, { name, queryLanguage }) => {
  const result = state.Result;
  return new StateRunner({
    name,
    type: 'Pass',
    queryLanguage,
    flow: compileStateDataFlow(state, queryLanguage),
    work: result === undefined || queryLanguage === 'JSONata' ? (effective) => effective : () => result,
    checkOutputSize: true,
    exits: true,
  });
};
