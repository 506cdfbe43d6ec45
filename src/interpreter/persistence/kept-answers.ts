import { knownJsonByteSize } from '../json/json-size';
import { defineLazyJson, storedJsonAt, type JsonStore } from '../history/stored-json';

/**
 * Keeps `holder[key]` (a recorded answer's JSON value) as text in `store` when it is big (its size
 * measured over 4 KiB): readers still read a JSON value (parsed on each read), but the answer log
 * no longer holds the parsed value, and the text is the one the history keeps for the same value.
 * Without a store (the history keeps payloads by reference) the value stays as it is.
 */
export function keptJson(store: JsonStore | undefined, holder: object, key: string): void {
  if (store === undefined) return;
  const value = (holder as Record<string, unknown>)[key];
  if (typeof value !== 'object' || value === null || knownJsonByteSize(value) === undefined) return;
  defineLazyJson(holder, key, store.store(value), false);
}

/**
 * A recorded answer as plain JSON, copied so that nothing the execution does later changes it;
 * a value kept as text is parsed once from that text.
 */
export function copyAnswer<T extends object>(answer: T): T {
  const outcome = (answer as { outcome?: unknown }).outcome;
  const storedValue = typeof outcome === 'object' && outcome !== null ? storedJsonAt(outcome, 'value') : undefined;
  const storedOutput = storedJsonAt(answer, 'output');
  if (storedValue === undefined && storedOutput === undefined) return jsonCopy(answer);
  // Member by member, so the stored value is not parsed by a getter and then copied again.
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(answer)) {
    if (key === 'outcome' && storedValue !== undefined) copy.outcome = { value: storedValue.value() };
    else if (key === 'output' && storedOutput !== undefined) copy.output = storedOutput.value();
    else {
      const value = (answer as Record<string, unknown>)[key];
      if (value !== undefined) copy[key] = jsonCopy(value);
    }
  }
  return copy as T;
}

function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
