export { prepareChoiceRule, type PreparedChoiceRule } from './prepare-choice-rule';
export { noChoiceMatchedError, invalidConditionPathError, NO_CHOICE_MATCHED_CAUSE } from './choice-errors';
export { prepareStringMatches, type StringMatcher } from './string-matches';
export { parseTimestamp, isTimestamp, compareInstants, type Instant } from './timestamp';
