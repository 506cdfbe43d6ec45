import { StepFunctionsApiError } from '../../interpreter/callbacks/api-error';
import { ApiError } from '../protocol/api-error';
import type { RequestFields } from '../protocol/request-fields';
import type { ServeContext } from '../service/context';

/** One API action: reads its request fields, answers the response body (or throws an `ApiError`). */
export type ActionHandler = (context: ServeContext, request: RequestFields, signal: AbortSignal) => unknown;

/** Tags as the API carries them (`[{key, value}]`). */
export function readTags(request: RequestFields, field = 'tags'): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const tag of request.optionalArray(field) ?? []) {
    const { key, value } = (tag ?? {}) as { key?: unknown; value?: unknown };
    if (typeof key !== 'string') continue;
    tags[key] = typeof value === 'string' ? value : '';
  }
  return tags;
}

/** Runs an interpreter call, turning its `StepFunctionsApiError` into the same-named API error. */
export function api<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw asApiError(error);
  }
}

/** The interpreter's `StepFunctionsApiError` as the same-named API error; any other error as it is. */
export function asApiError(error: unknown): unknown {
  return error instanceof StepFunctionsApiError ? new ApiError(error.code, error.message) : error;
}
