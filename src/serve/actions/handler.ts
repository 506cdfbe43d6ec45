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
