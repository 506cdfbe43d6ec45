import { LIMITS } from './limits';

/**
 * AWS's rule for the names of state machines, executions, activities and aliases: 1–80
 * characters, without whitespace, brackets (`<>{}[]`), wildcards (`?*`), the characters
 * `"#%\^|~`$&,;:/` or control characters (CreateStateMachine / StartExecution / CreateActivity
 * "name" constraints in the Step Functions API reference).
 *
 * @example
 * isValidResourceName('order-7');   // true
 * isValidResourceName('order 7');   // false
 */
export function isValidResourceName(name: unknown, maxLength: number = LIMITS.nameLength): name is string {
  return typeof name === 'string' && name.length >= 1 && name.length <= maxLength && !INVALID_NAME_CHARACTER.test(name);
}

const INVALID_NAME_CHARACTER = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;
