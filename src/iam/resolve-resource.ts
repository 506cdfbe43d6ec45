import type { RuleInput } from './integration-rule';
import type { PayloadField } from './payload-field';
import { ANY_RESOURCE, type ResourceRef } from './permission-need';

export interface ResourceSpec {
  /** What the field names, for messages (`function`, `queue URL`). */
  noun: string;
  /** Static string → the resources it allows; `undefined` when the value is not a valid one. */
  toResources(value: string): ResourceRef[] | undefined;
  /** What a dynamic or unreadable value allows instead of `*` (e.g. `event-bus/*`). */
  fallback?: ResourceRef;
  /** When the field is absent: the resources to use (a default), or omit to warn and use the fallback. */
  whenAbsent?: () => ResourceRef[];
}

/**
 * The shared static/dynamic resolution: a literal value scopes the statement to its resource; a
 * value computed at run time (path, intrinsic, JSONata, variable) widens it to the fallback (`*`)
 * and raises a warning naming the state and field, so the user knows what to narrow.
 */
export function resolveResources(input: RuleInput, field: PayloadField, spec: ResourceSpec): ResourceRef[] {
  const fallback = spec.fallback ?? ANY_RESOURCE;
  const widened = fallback.arn === '*' ? '"*"' : `"${fallback.arn}"`;
  if (field.kind === 'dynamic') {
    input.warn({
      kind: 'dynamic-resource',
      field: field.label,
      message: `the ${spec.noun} is computed at run time (${field.expression}), so the resource is ${widened}; narrow it to the ${spec.noun}s this can resolve to.`,
    });
    return [fallback];
  }
  if (field.kind === 'absent') {
    if (spec.whenAbsent) return spec.whenAbsent();
    input.warn({
      kind: 'dynamic-resource',
      field: field.label,
      message: `no ${spec.noun} is given, so the resource is ${widened}.`,
    });
    return [fallback];
  }
  const resources = typeof field.value === 'string' ? spec.toResources(field.value) : undefined;
  if (!resources) {
    input.warn({
      kind: 'dynamic-resource',
      field: field.label,
      message: `${JSON.stringify(field.value)} is not a ${spec.noun} this pass can read, so the resource is ${widened}.`,
    });
    return [fallback];
  }
  return resources;
}
