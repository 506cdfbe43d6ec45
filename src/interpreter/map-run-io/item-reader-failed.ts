import { StatesError } from '../errors';

/** `States.ItemReaderFailed`: the Map Run could not read its items; catchable like any error. */
export function itemReaderFailed(cause: string): StatesError {
  return new StatesError('States.ItemReaderFailed', cause);
}
