import { ApiError } from './api-error';

/**
 * Reads one request's fields with AWS's validation wording
 * ("1 validation error detected: Value … at '…' failed to satisfy constraint: …"), so a wrong
 * type or a missing member is a `ValidationException` naming the field, never a crash.
 */
export class RequestFields {
  constructor(
    private readonly body_: Record<string, unknown>,
    readonly action: string,
  ) {}

  /** The whole request body, for an action that hands it on as it is (TestState). */
  body(): Readonly<Record<string, unknown>> {
    return this.body_;
  }

  has(name: string): boolean {
    return this.body_[name] !== undefined && this.body_[name] !== null;
  }

  string(name: string, constraints?: { min?: number; max?: number }): string {
    const value = this.optionalString(name, constraints);
    if (value === undefined) throw invalid(name, null, 'Member must not be null');
    return value;
  }

  optionalString(name: string, { min = 0, max = Number.POSITIVE_INFINITY }: { min?: number; max?: number } = {}): string | undefined {
    const value = this.body_[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw serialization(name, 'a string');
    if (value.length < min) throw invalid(name, value, `Member must have length greater than or equal to ${min}`);
    if (value.length > max) throw invalid(name, value, `Member must have length less than or equal to ${max}`);
    return value;
  }

  optionalInteger(name: string, { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER }: { min?: number; max?: number } = {}): number | undefined {
    const value = this.body_[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) throw serialization(name, 'an integer');
    if (value < min) throw invalid(name, value, `Member must have value greater than or equal to ${min}`);
    if (value > max) throw invalid(name, value, `Member must have value less than or equal to ${max}`);
    return value;
  }

  optionalNumber(name: string): number | undefined {
    const value = this.body_[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw serialization(name, 'a number');
    return value;
  }

  optionalBoolean(name: string): boolean | undefined {
    const value = this.body_[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw serialization(name, 'a boolean');
    return value;
  }

  optionalObject(name: string): Record<string, unknown> | undefined {
    const value = this.body_[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw serialization(name, 'an object');
    return value as Record<string, unknown>;
  }

  optionalArray(name: string): unknown[] | undefined {
    const value = this.body_[name];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) throw serialization(name, 'a list');
    return value;
  }

  /** A member restricted to a set of values (an AWS enum). */
  optionalEnum<T extends string>(name: string, values: readonly T[]): T | undefined {
    const value = this.optionalString(name);
    if (value === undefined) return undefined;
    if (!(values as readonly string[]).includes(value)) throw invalid(name, value, `Member must satisfy enum value set: [${values.join(', ')}]`);
    return value as T;
  }
}

function invalid(name: string, value: unknown, constraint: string): ApiError {
  const shown = value === null ? 'null' : typeof value === 'string' ? `'${value.length > 100 ? `${value.slice(0, 100)}…` : value}'` : String(value);
  return new ApiError('ValidationException', `1 validation error detected: Value ${shown} at '${name}' failed to satisfy constraint: ${constraint}`);
}

function serialization(name: string, expected: string): ApiError {
  return new ApiError('SerializationException', `Member '${name}' must be ${expected}.`);
}
