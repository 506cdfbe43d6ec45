import type { SucceedState } from '../../asl/types';
import { StateRunner } from '../engine/state-runner';
import { compileStateDataFlow } from '../flow';
import type { StateCompiler } from './state-compiler';

/** Succeed: ends the machine (or only the current branch/iteration) with its filtered input. */
export const compileSucceedState: StateCompiler<SucceedState> = (state, { name, queryLanguage }) =>
  new StateRunner({
    name,
    type: 'Succeed',
    queryLanguage,
    flow: compileStateDataFlow(state, queryLanguage),
    work: (effective) => effective,
    checkOutputSize: false,
    exits: true,
  });
