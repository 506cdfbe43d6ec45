import type { SucceedState } from '../../asl/types';
import { StateRunner } from '../engine/state-runner';
import { prepareStateDataFlow } from '../state-io';
import type { StatePreparer } from './state-preparer';

/** Succeed: ends the machine (or only the current branch/iteration) with its filtered input. */
export const prepareSucceedState: StatePreparer<SucceedState> = (state, { name, queryLanguage }) =>
  new StateRunner({
    name,
    type: 'Succeed',
    queryLanguage,
    flow: prepareStateDataFlow(state, queryLanguage),
    work: (effective) => effective,
    checkOutputSize: false,
    exits: true,
  });
