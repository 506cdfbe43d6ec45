import type { Json } from '../../../asl/types';
import { prepareNumericSetting, type NumericSettingRule, type ResolveNumber } from '../../state-io';

export type { ResolveNumber };

/**
 * A numeric Map setting (`MaxConcurrency`, `ToleratedFailureCount`, `ToleratedFailurePercentage`,
 * `MaxItems`, batch limits): a literal, a `...Path` or JSONata. Range checks belong to the Map,
 * which words them as AWS does per setting.
 */
export function prepareMapNumber(
  literal: number | string | undefined,
  path: string | undefined,
  field: string,
  kind: 'integer' | 'float',
  jsonata: boolean,
): ResolveNumber {
  return prepareNumericSetting(literal, path, field, jsonata, kind === 'integer' ? INTEGER : FLOAT);
}

function mapRule(kind: 'integer' | 'float'): NumericSettingRule {
  return {
    expected: kind === 'integer' ? 'integer' : 'number',
    inRange: () => true,
    fromPath: (value) => parseNumber(value, kind),
    missingPath: (field, path) => `The ${field}Path field does not reference an input value: ${path}`,
    invalidPath: (field, path, value) =>
      `The ${field}Path field refers to value "${typeof value === 'string' ? value : JSON.stringify(value)}" which is not a valid ${kind}: ${path}`,
  };
}

const INTEGER = mapRule('integer');
const FLOAT = mapRule('float');

// AWS reads these values as Java would parse their text: a numeric string such as "1" is accepted (recorded).
function parseNumber(value: Json, kind: 'integer' | 'float'): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  if (text === undefined) return undefined;
  const pattern = kind === 'integer' ? /^[+-]?\d+$/ : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  return pattern.test(text) ? Number(text) : undefined;
}
