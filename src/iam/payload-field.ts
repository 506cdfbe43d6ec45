import type { Json } from '../asl/types';
import { isJsonataExpression } from '../asl/jsonata-syntax';

/**
 * A field of a Task's `Parameters` (JSONPath) or `Arguments` (JSONata), as far as the IAM pass
 * can know it before the execution runs:
 * - `static`: a literal in the definition;
 * - `dynamic`: computed at run time — a `"X.$"` path or intrinsic, a JSONata `{% %}` string
 *   (which includes variables) — so the policy cannot name the resource;
 * - `absent`: not given.
 *
 * `label` is the field as the user wrote it (`Parameters.FunctionName.$`, `Arguments.TableName`),
 * so a warning can point at it.
 */
export type PayloadField =
  | { kind: 'static'; label: string; value: Json; language: PayloadLanguage }
  | { kind: 'dynamic'; label: string; expression: string; language: PayloadLanguage }
  | { kind: 'absent'; label: string; language: PayloadLanguage };

/** `Parameters`-style templates mark computed keys with `.$`; `Arguments`-style values with `{% %}`. */
export type PayloadLanguage = 'JSONPath' | 'JSONata';

/**
 * The root of a payload. `name` is the field that holds it (`Parameters`, `Arguments`,
 * `ItemReader.Parameters`, `Credentials`).
 */
export function payloadRoot(name: string, value: Json | undefined, language: PayloadLanguage): PayloadField {
  if (value === undefined) return { kind: 'absent', label: name, language };
  if (language === 'JSONata' && isJsonataExpression(value)) {
    return { kind: 'dynamic', label: name, expression: value, language };
  }
  return { kind: 'static', label: name, value, language };
}

/**
 * The payload of a state-like object: `Arguments` when present (JSONata), else `Parameters`
 * (JSONPath). Which one the object uses decides how computed values are spelled.
 */
export function payloadOf(owner: { Parameters?: Json; Arguments?: Json }, prefix = ''): PayloadField {
  if (owner.Arguments !== undefined) return payloadRoot(`${prefix}Arguments`, owner.Arguments, 'JSONata');
  return payloadRoot(`${prefix}Parameters`, owner.Parameters, 'JSONPath');
}

/** The member `key` of `parent` (an object key or an array index). */
export function payloadField(parent: PayloadField, key: string | number): PayloadField {
  const label = typeof key === 'number' ? `${parent.label}[${key}]` : `${parent.label}.${key}`;
  const { language } = parent;
  // A computed parent computes all its members; the parent is what the user must narrow.
  if (parent.kind === 'dynamic') return parent;
  if (parent.kind === 'absent') return { kind: 'absent', label, language };
  const container = parent.value;
  if (typeof key === 'number') {
    if (!Array.isArray(container) || key >= container.length) return { kind: 'absent', label, language };
    return classify(container[key], label, language);
  }
  if (!container || typeof container !== 'object' || Array.isArray(container)) {
    return { kind: 'absent', label, language };
  }
  if (language === 'JSONPath') {
    const computed = container[`${key}.$`];
    if (typeof computed === 'string') {
      return { kind: 'dynamic', label: `${label}.$`, expression: computed, language };
    }
  }
  if (!(key in container)) return { kind: 'absent', label, language };
  return classify(container[key], label, language);
}

/** Follows a path of members (`['Overrides', 'TaskRoleArn']`). */
export function payloadPath(root: PayloadField, path: readonly (string | number)[]): PayloadField {
  return path.reduce<PayloadField>((field, key) => payloadField(field, key), root);
}

function classify(value: Json, label: string, language: PayloadLanguage): PayloadField {
  if (language === 'JSONata' && isJsonataExpression(value)) {
    return { kind: 'dynamic', label, expression: value, language };
  }
  return { kind: 'static', label, value, language };
}

/** The elements of an array field: one field per element, or `undefined` when not a static array. */
export function payloadElements(field: PayloadField): PayloadField[] | undefined {
  if (field.kind !== 'static' || !Array.isArray(field.value)) return undefined;
  return field.value.map((_, index) => payloadField(field, index));
}
