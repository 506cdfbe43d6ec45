import { catalogueCall } from './service-action';

/** The request of an HTTP Task (`arn:aws:states:::http:invoke`): endpoint, method, connection, body. */
export interface HttpInvokeParams {
  ApiEndpoint: string;
  Method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'OPTIONS' | 'HEAD';
  Authentication: { ConnectionArn: string };
  Headers?: Record<string, string>;
  QueryParameters?: Record<string, string>;
  RequestBody?: unknown;
  Transform?: {
    RequestBodyEncoding?: 'NONE' | 'URL_ENCODED';
    RequestEncodingOptions?: { ArrayFormat?: 'INDICES' | 'REPEAT' | 'COMMAS' | 'BRACKETS' };
  };
}
/** What an HTTP Task returns: status, headers and the response body. */
export interface HttpInvokeResult<Body = unknown> {
  ResponseBody: Body;
  StatusCode: number;
  StatusText: string;
  Headers: Record<string, string>;
}
/** Error names HTTP Tasks raise (`States.Http.*`), for `.retry`/`.catch`. */
export type HttpError = 'States.Http.Socket' | `States.Http.StatusCode.${number}`;

/**
 * HTTPS endpoints through an EventBridge connection (`arn:aws:states:::http:invoke`, request-response only).
 *
 * @example
 * .task('Quote', http.invoke({ ApiEndpoint: 'https://api.example.com/quote', Method: 'GET', Authentication: { ConnectionArn: conn } }))
 */
export const http = Object.freeze({
  invoke: catalogueCall('http', 'invoke')<HttpInvokeParams, HttpInvokeResult, HttpError>(),
});
