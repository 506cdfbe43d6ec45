/**
 * Equivalence checking: prove (as far as testing can) that a refactored workflow behaves like the
 * committed one — same calls to the outside, same waits, same ending — over the user's scenarios,
 * recorded AWS histories and a generated, coverage-guided suite.
 *
 * @example
 * import { verifyEquivalence } from 'statecraft/verify';
 * const report = await verifyEquivalence(beforeAsl, afterAsl);
 * report.equivalent; // false → report.difference has the shrunk scenario and what differs
 */
export { verifyEquivalence, DEFAULT_EXPLORE } from './verify-equivalence';
export { replayHistory, readHistory, type HistoryReplay } from './history-replay';
export { InvalidSideError } from './side';
export { verdictLine, formatDifference, scenarioFile, vitestSnippet } from './format';
export { parseScenarioFile } from './scenario-file';
export { verifyBuildChanges, type PendingBuild, type BuildVerification } from './build-verify';
export type {
  VerifyReport,
  VerifyOptions,
  Scenario,
  ScenarioAnswer,
  Observation,
  ObservedCall,
  Coverage,
  CoverageCount,
  Difference,
  HistoryInput,
} from './types';
