import type { JsonObject } from '../../asl/types';

/**
 * The order in which state fields are written. Emission builds objects in whatever order is
 * convenient; this fixes the order so output is stable and reads top-down like the AWS docs.
 */
const STATE_FIELD_ORDER = [
  'Type', 'Comment', 'QueryLanguage', 'Resource',
  'Label', 'ItemReader', 'InputPath', 'ItemsPath', 'Items', 'ItemSelector', 'ItemBatcher', 'ItemProcessor', 'ResultWriter',
  'MaxConcurrency', 'MaxConcurrencyPath', 'ToleratedFailurePercentage', 'ToleratedFailurePercentagePath',
  'ToleratedFailureCount', 'ToleratedFailureCountPath',
  'Branches', 'Choices', 'Default',
  'Parameters', 'Arguments', 'Result',
  'Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath',
  'Error', 'ErrorPath', 'Cause', 'CausePath',
  'TimeoutSeconds', 'TimeoutSecondsPath', 'HeartbeatSeconds', 'HeartbeatSecondsPath', 'Credentials',
  'ResultSelector', 'ResultPath', 'OutputPath', 'Output', 'Assign',
  'Retry', 'Catch', 'Next', 'End',
];

const RANK = new Map(STATE_FIELD_ORDER.map((field, i) => [field, i]));

/** Returns `state` with its fields in canonical order (unknown fields last, alphabetically). */
export function inCanonicalOrder(state: JsonObject): JsonObject {
  const keys = Object.keys(state).sort((a, b) => {
    const ra = RANK.get(a) ?? Number.MAX_SAFE_INTEGER;
    const rb = RANK.get(b) ?? Number.MAX_SAFE_INTEGER;
    return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
  });
  return Object.fromEntries(keys.map((key) => [key, state[key]]));
}
