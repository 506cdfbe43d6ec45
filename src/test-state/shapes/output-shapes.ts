import { gunzipSync } from 'node:zlib';
import type { CompactShape, ServiceOutputShapes } from './output-shape-types';

type ShapeData = typeof import('./output-shapes-data');
let data: ShapeData | undefined;
const decoded = new Map<string, ServiceOutputShapes>();

/** One service's shapes (see `generate-output-shapes.ts`): the data module is loaded on first use, each service decoded once. */
async function serviceShapes(service: string): Promise<ServiceOutputShapes | undefined> {
  data ??= await import('./output-shapes-data');
  const key = data.SERVICE_ALIASES[service.toLowerCase()];
  if (key === undefined) return undefined;
  let shapes = decoded.get(key);
  if (!shapes) {
    const encoded = data.SERVICE_OUTPUT_SHAPES[key];
    if (encoded === undefined) return undefined;
    shapes = JSON.parse(gunzipSync(Buffer.from(encoded, 'base64')).toString('utf8')) as ServiceOutputShapes;
    decoded.set(key, shapes);
  }
  return shapes;
}

/** An operation's response shape, with the service's shapes it refers to by name. */
export interface OperationOutput {
  shape: CompactShape;
  lookup(name: string): CompactShape | undefined;
}

/**
 * The response shape of `service:api` as a Task Resource names them (`s3`/`getObject`,
 * `states`/`startExecution`, `sfn`/`describeExecution`); `undefined` for an unknown service or
 * operation, or one without output.
 */
export async function operationOutput(service: string, api: string): Promise<OperationOutput | undefined> {
  const model = await serviceShapes(service);
  if (!model) return undefined;
  const operation = Object.keys(model.operations).find((op) => op.toLowerCase() === api.toLowerCase());
  const shapeName = operation === undefined ? undefined : model.operations[operation];
  const shape = shapeName === undefined ? undefined : model.shapes[shapeName];
  if (!shape) return undefined;
  return { shape, lookup: (name) => model.shapes[name] };
}
