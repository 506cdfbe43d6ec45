import type { JsonObject, State } from '../../asl/types';

/** Every field of every ASL state interface (`Type`, `Resource`, …, `Label`). */
export type AnyStateField = State extends infer S ? (S extends State ? keyof S : never) : never;

/**
 * `Fields` lists every state field: `true`, else the fields it misses (a type error names them).
 * A field added to an ASL state interface without a place in the canonical order fails here.
 */
export type CoversEveryStateField<Fields extends readonly string[]> = [Exclude<AnyStateField, Fields[number]>] extends [never]
  ? Fields
  : { missing: Exclude<AnyStateField, Fields[number]> };


/**
 * The order in which state fields are written. Emission builds objects in whatever order is
 * convenient; this fixes the order so output is stable and reads top-down like the AWS docs.
 */
const STATE_FIELD_ORDER = [
  'Type', 'Comment', 'QueryLanguage', 'Resource',
  'Label', 'ItemReader', 'InputPath', 'ItemsPath', 'Items', 'ItemSelector', 'ItemBatcher', 'ItemProcessor', 'Iterator', 'ResultWriter',
  'MaxConcurrency', 'MaxConcurrencyPath', 'ToleratedFailurePercentage', 'ToleratedFailurePercentagePath',
  'ToleratedFailureCount', 'ToleratedFailureCountPath',
  'Branches', 'Choices', 'Default',
  'Parameters', 'Arguments', 'Result',
  'Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath',
  'Error', 'ErrorPath', 'Cause', 'CausePath',
  'TimeoutSeconds', 'TimeoutSecondsPath', 'HeartbeatSeconds', 'HeartbeatSecondsPath', 'Credentials',
  'ResultSelector', 'ResultPath', 'OutputPath', 'Output', 'Assign',
  'Retry', 'Catch', 'Next', 'End',
] as const satisfies CoversEveryStateField<readonly AnyStateField[]>;

// The check above only constrains the element type; this one demands that every field is present.
const ORDER_IS_COMPLETE: CoversEveryStateField<typeof STATE_FIELD_ORDER> = STATE_FIELD_ORDER;
void ORDER_IS_COMPLETE;

const RANK = new Map<string, number>(STATE_FIELD_ORDER.map((field, i) => [field, i]));

/**
 * Returns `state` with its fields in canonical order. Every ASL field has a rank (checked by the
 * type above); anything else (never emitted by the compiler) goes last, alphabetically.
 */
export function inCanonicalOrder(state: JsonObject): JsonObject {
  const keys = Object.keys(state).sort((a, b) => {
    const ra = RANK.get(a) ?? Number.MAX_SAFE_INTEGER;
    const rb = RANK.get(b) ?? Number.MAX_SAFE_INTEGER;
    return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
  });
  return Object.fromEntries(keys.map((key) => [key, state[key]]));
}
