export type { JsonataBindings } from './bindings';
export { prepareJsonataTemplate, evaluateJsonataCondition, type JsonataTemplate } from './template';
export {
  evaluationError,
  jsonTypeName,
  returnedNothingError,
  unexpectedResultTypeError,
  unsupportedResultTypeError,
  type JsonTypeName,
} from './jsonata-errors';
export { carryEvaluationLocation, evaluationLocation, withEvaluationLocation } from './evaluation-location';
