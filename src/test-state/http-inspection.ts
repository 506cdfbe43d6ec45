import type { InspectionDataRequest, InspectionDataResponse } from '@aws-sdk/client-sfn';
import type { Json, JsonObject } from '../asl/types';

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: Json | undefined): string | undefined => (value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value));

/**
 * The HTTP exchange of an HTTP Task (`arn:aws:states:::http:invoke`) that TestState shows at
 * `TRACE`: the request from the Task's effective arguments (`Method`, `ApiEndpoint`,
 * `QueryParameters`, `Headers`, `RequestBody`), the response from its (mocked) result
 * (`StatusCode`, `StatusText`, `Headers`, `ResponseBody`: the HTTP Task's result fields).
 */
export function httpExchange(effective: Json | undefined, result: Json | undefined): { request?: InspectionDataRequest; response?: InspectionDataResponse } {
  const exchange: { request?: InspectionDataRequest; response?: InspectionDataResponse } = {};
  if (isObject(effective)) {
    const endpoint = typeof effective.ApiEndpoint === 'string' ? effective.ApiEndpoint : '';
    const query = isObject(effective.QueryParameters)
      ? new URLSearchParams(Object.entries(effective.QueryParameters).map(([k, v]): [string, string] => [k, text(v) ?? ''])).toString()
      : '';
    exchange.request = {
      protocol: 'https',
      method: typeof effective.Method === 'string' ? effective.Method : undefined,
      url: query ? `${endpoint}?${query}` : endpoint,
      headers: text(effective.Headers),
      body: text(effective.RequestBody),
    };
  }
  if (isObject(result)) {
    exchange.response = {
      protocol: 'https',
      statusCode: text(result.StatusCode),
      statusMessage: text(result.StatusText),
      headers: text(result.Headers),
      body: text(result.ResponseBody),
    };
  }
  return exchange;
}
