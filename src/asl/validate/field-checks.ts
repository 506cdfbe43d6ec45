/**
 * Type and range checks for single field values. Each returns whether the value passed, so
 * callers can skip deeper checks on a value of the wrong shape.
 */
import { type DiagnosticSink, type Site, inState } from './diagnostics';
import { describeType, isRecord, type JsonRecord } from './json-values';

function fieldName(site: Site): string {
  return site.field ?? site.pointer;
}

export function wrongType(sink: DiagnosticSink, site: Site, expected: string, value: unknown): void {
  sink.error(
    'INVALID_FIELD_TYPE',
    site,
    `The value for the field '${fieldName(site)}'${inState(site)} must be ${expected}, but was ${describeType(value)}.`,
  );
}

export function expectString(sink: DiagnosticSink, site: Site, value: unknown): value is string {
  if (typeof value === 'string') return true;
  wrongType(sink, site, 'a string', value);
  return false;
}

export function expectBoolean(sink: DiagnosticSink, site: Site, value: unknown): value is boolean {
  if (typeof value === 'boolean') return true;
  wrongType(sink, site, 'a boolean', value);
  return false;
}

export function expectObject(sink: DiagnosticSink, site: Site, value: unknown): value is JsonRecord {
  if (isRecord(value)) return true;
  wrongType(sink, site, 'an object', value);
  return false;
}

export function expectArray(sink: DiagnosticSink, site: Site, value: unknown): value is unknown[] {
  if (Array.isArray(value)) return true;
  wrongType(sink, site, 'an array', value);
  return false;
}

export function expectNonEmptyArray(sink: DiagnosticSink, site: Site, value: unknown): value is unknown[] {
  if (!expectArray(sink, site, value)) return false;
  if (value.length > 0) return true;
  sink.error('INVALID_FIELD_VALUE', site, `The field '${fieldName(site)}'${inState(site)} must not be an empty array (AWS: "Value cannot be empty").`);
  return false;
}

export function expectOneOf(sink: DiagnosticSink, site: Site, value: unknown, allowed: readonly string[]): boolean {
  if (typeof value === 'string' && allowed.includes(value)) return true;
  sink.error(
    'INVALID_FIELD_VALUE',
    site,
    `The field '${fieldName(site)}'${inState(site)} should have one of these values: [${allowed.join(', ')}], but was ${JSON.stringify(value)}.`,
  );
  return false;
}

/** An integer (JSON number with no fraction) within [min, max]. */
export function expectInteger(sink: DiagnosticSink, site: Site, value: unknown, min: number, max: number): value is number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    wrongType(sink, site, 'an integer', value);
    return false;
  }
  return expectRange(sink, site, value, min, max);
}

export function expectNumber(sink: DiagnosticSink, site: Site, value: unknown, min: number, max: number): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    wrongType(sink, site, 'a number', value);
    return false;
  }
  return expectRange(sink, site, value, min, max);
}

function expectRange(sink: DiagnosticSink, site: Site, value: number, min: number, max: number): boolean {
  if (value >= min && value <= max) return true;
  const bound = max === Number.POSITIVE_INFINITY ? `at least ${min}` : `between ${min} and ${max}`;
  sink.error('INVALID_FIELD_VALUE', site, `The value for the field '${fieldName(site)}'${inState(site)} must be ${bound}, but was ${value}.`);
  return false;
}
