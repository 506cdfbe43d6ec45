import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './api-error';

/**
 * AWS JSON 1.0, as `@aws-sdk/client-sfn` and the AWS CLI speak it: `POST /` with
 * `X-Amz-Target: AWSStepFunctions.<Action>` and a JSON body; answers are JSON with dates as epoch
 * seconds; errors are HTTP 4xx/5xx with `{"__type": "<namespace>#<Code>", "message": …}` and the
 * code repeated in `x-amzn-ErrorType` (both clients read either).
 */
export const TARGET_PREFIX = 'AWSStepFunctions.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';
const ERROR_NAMESPACE = 'com.amazonaws.swf.service.v2.model';

/**
 * The largest request body read. AWS's own cap is above every field limit (a 1 MiB definition, a
 * 256 KiB input); bodies beyond it are refused before they are parsed.
 */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** The action named by the request's `X-Amz-Target` header (undefined when it names none). */
export function actionOf(request: IncomingMessage): string | undefined {
  const target = request.headers['x-amz-target'];
  if (typeof target !== 'string' || !target.startsWith(TARGET_PREFIX)) return undefined;
  return target.slice(TARGET_PREFIX.length);
}

/** Reads and parses the JSON body; an empty body is `{}` as AWS treats it. */
export async function readJsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ApiError('ValidationException', `Request body exceeds the maximum size of ${MAX_BODY_BYTES} bytes.`, 413);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError('SerializationException', 'Start of structure or map found where not expected, or the body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ApiError('SerializationException', 'The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

/** Writes a successful answer: `Date`s become epoch seconds, `undefined` members are dropped. */
export function sendResult(response: ServerResponse, body: unknown): void {
  // `Date.prototype.toJSON` runs before a replacer sees the value, so read the holder's raw member.
  const text = JSON.stringify(body ?? {}, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : value;
  });
  response.writeHead(200, { 'content-type': CONTENT_TYPE, 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': requestId() });
  response.end(text);
}

/** Writes an error answer as AWS does. */
export function sendError(response: ServerResponse, error: ApiError): void {
  const text = JSON.stringify({ __type: `${ERROR_NAMESPACE}#${error.code}`, message: error.message });
  response.writeHead(error.status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    'x-amzn-errortype': error.code,
    'x-amzn-requestid': requestId(),
  });
  response.end(text);
}

let requests = 0;
function requestId(): string {
  return `statecraft-${process.pid}-${++requests}`;
}
