/**
 * Valid ASL the round trip cannot reproduce yet, recognised by structure (never by case id), each
 * with the reason. The table test expects these to miss, so fixing one makes the test say so.
 */
import { validateDefinition } from '../../src/asl/validate';

type Json = Record<string, unknown>;

function* states(machine: Json): Generator<Json> {
  for (const state of Object.values((machine.States ?? {}) as Record<string, Json>)) {
    yield state;
    for (const branch of (state.Branches as Json[] | undefined) ?? []) yield* states(branch);
    const processor = (state.ItemProcessor ?? state.Iterator) as Json | undefined;
    if (processor) yield* states(processor);
  }
}

/** Why `definition` is expected to miss, or `undefined`. */
export function knownGap(definition: Json, stateMachineType: 'STANDARD' | 'EXPRESS'): string | undefined {
  if (validateDefinition(definition, { stateMachineType }).some((d) => d.severity === 'warning')) {
    return 'the validator warns about it, and the compiler fails a build on warnings';
  }
  for (const state of states(definition)) {
    if ((Array.isArray(state.Retry) && state.Retry.length === 0) || (Array.isArray(state.Catch) && state.Catch.length === 0)) {
      return 'an empty Retry/Catch array: the compiler omits empty lists';
    }
    const resource = typeof state.Resource === 'string' ? state.Resource : '';
    if (resource.endsWith('.waitForTaskToken') && !JSON.stringify(state.Parameters ?? state.Arguments ?? null).includes('Task.Token')) {
      return 'a .waitForTaskToken task that never sends its token: the compiler refuses it';
    }
  }
  return undefined;
}
