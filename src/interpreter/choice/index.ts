export { compileChoiceRule, type CompiledChoiceRule } from './compile-choice-rule';
export { noChoiceMatchedError, invalidConditionPathError, NO_CHOICE_MATCHED_CAUSE } from './choice-errors';
export { compileStringMatches, type StringMatcher } from './string-matches';
export { parseTimestamp, isTimestamp, compareInstants, type Instant } from './timestamp';
