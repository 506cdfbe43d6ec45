import { selector, type Selector } from '../paths/selector';
import { DslUsageError } from '../errors/dsl-usage-error';
import { LIMITS } from '../../asl/limits';

const VARIABLE_NAME = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;

/**
 * A typed reference to a workflow variable (`$name`): assign it with a state's `assign` option
 * (`assign: r => ({ total: r.Payload.total })`) and read it in any later state.
 *
 * @example
 * const total = variable<number>('total');
 * .choice('Big?', c => c.when(() => gt(total, 1000), 'Review').otherwise('Ship'))
 */
export function variable<T>(name: string): Selector<T> {
  if (!VARIABLE_NAME.test(name) || name === 'states' || name.length > LIMITS.nameLength) {
    throw new DslUsageError(
      `'${name}' cannot be a variable name: use an identifier of at most ${LIMITS.nameLength} characters (letters, digits, _), not 'states'.`,
    );
  }
  return selector<T>('variable', name);
}
