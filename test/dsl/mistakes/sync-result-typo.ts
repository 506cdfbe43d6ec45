// Mistake: A typo in a `.sync` child execution's result (`Otput`).
// Caught by: tsc
import { stepFunctions } from '../../../src/dsl/index';
import { start } from './_fixtures';

export const flow = start()
  .task('Child', stepFunctions.startExecution.sync2(() => ({ StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:child', Input: {} })))
  .pass('Use', { parameters: (s) => ({ out: s.Otput }) }) // <- mistake
  .succeed('Done');
