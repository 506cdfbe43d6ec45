/**
 * Whether an `ErrorEquals` list matches an error name. `States.ALL` matches everything and
 * `States.TaskFailed` everything but `States.Timeout`; `States.Runtime` is never matched, even by
 * name (recorded on AWS: a catcher for `States.Runtime` does not catch it).
 */
export function errorMatches(errorEquals: readonly string[], error: string | null): boolean {
  if (error === 'States.Runtime') return false;
  for (const name of errorEquals) {
    if (name === error || name === 'States.ALL') return true;
    if (name === 'States.TaskFailed' && error !== 'States.Timeout') return true;
  }
  return false;
}
