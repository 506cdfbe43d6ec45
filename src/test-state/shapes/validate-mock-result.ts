import type { Json, JsonObject } from '../../asl/types';
import type { CompactShape } from './output-shape-types';
import type { OperationOutput } from './output-shapes';

/** `MockInput.fieldValidationMode`: STRICT (the default) also requires the required fields. */
export type FieldValidationMode = 'STRICT' | 'PRESENT' | 'NONE';

/** What is wrong with a mocked result, in AWS's words (without the `Mock result schema validation error: ` prefix). */
export class MockShapeError extends Error {}

export interface MockValidationOptions {
  mode: 'STRICT' | 'PRESENT';
  /**
   * Optimized integrations (`arn:aws:states:::lambda:invoke`) hand binary fields on decoded (a
   * Lambda `Payload` is the function's JSON), so any JSON is accepted there; `aws-sdk:`
   * integrations pass blobs as strings (recorded: `CiphertextBlob: 123` → "must be a string").
   */
  decodedBlobs: boolean;
}

/**
 * Checks a mocked result against the operation's response shape as TestState does (recorded on
 * AWS): fields are matched by their Step Functions spelling (the model's member name with its
 * first letter upper-cased: `executionArn` → `ExecutionArn`); fields the shape does not know are
 * accepted (forward compatibility); present fields must have the shape's type, enum value and
 * numeric bounds; STRICT also requires the shape's required fields. Throws {@link MockShapeError}.
 */
export function validateMockResult(result: Json, output: OperationOutput, options: MockValidationOptions): void {
  checkValue(result, output.shape, undefined, output, options);
}

const sfnCased = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

function fail(field: string | undefined, problem: string): never {
  throw new MockShapeError(field === undefined ? `The result ${problem}` : `Field '${field}' ${problem}`);
}

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkValue(value: Json, shape: CompactShape, field: string | undefined, output: OperationOutput, options: MockValidationOptions): void {
  const ref = (name: string | undefined): CompactShape | undefined => (name === undefined ? undefined : output.lookup(name));
  switch (shape.t) {
    case 'document':
      return;
    case 'structure': {
      if (!isObject(value)) fail(field, 'must be an object');
      const members = (shape.m ?? {}) as Record<string, string>;
      if (options.mode === 'STRICT') {
        for (const required of shape.r ?? []) {
          const name = sfnCased(required);
          if (!(name in value)) throw new MockShapeError(`Required field '${name}' is missing`);
        }
      }
      const bySfnName = new Map(Object.entries(members).map(([name, shapeName]) => [sfnCased(name), shapeName]));
      for (const [name, member] of Object.entries(value)) {
        const memberShape = ref(bySfnName.get(name));
        if (memberShape) checkValue(member, memberShape, name, output, options);
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) fail(field, 'must be an array');
      const item = ref(shape.m as string);
      if (item) for (const element of value) checkValue(element, item, field, output, options);
      return;
    }
    case 'map': {
      if (!isObject(value)) fail(field, 'must be an object');
      const item = ref(shape.v);
      if (item) for (const element of Object.values(value)) checkValue(element, item, field, output, options);
      return;
    }
    case 'string':
    case 'timestamp':
      if (typeof value !== 'string') fail(field, 'must be a string');
      if (shape.e && !shape.e.includes(value)) fail(field, 'is not an expected value');
      return;
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) fail(field, 'must be a number');
      checkBounds(value, shape, field);
      return;
    case 'float':
    case 'double':
      if (typeof value !== 'number') fail(field, 'must be a number');
      checkBounds(value, shape, field);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail(field, 'must be a boolean');
      return;
    case 'blob':
      if (!options.decodedBlobs && typeof value !== 'string') fail(field, 'must be a string');
      return;
    default:
      return;
  }
}

function checkBounds(value: number, shape: CompactShape, field: string | undefined): void {
  if (shape.min !== undefined && value < shape.min) fail(field, 'is less than the minimum value');
  if (shape.max !== undefined && value > shape.max) fail(field, 'is greater than the maximum value');
}
