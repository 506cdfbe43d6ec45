import type { Json, JsonObject } from '../../asl/types';
import { randomUuid, type RandomSource } from '../random/seeded-random';

/**
 * The response `arn:aws:states:::lambda:invoke` returns around a function's payload (recorded
 * shape). A mock that already returns this shape (`Payload` and `StatusCode`) is passed through.
 */
export function lambdaInvokeResponse(value: Json, random: RandomSource): Json {
  if (isLambdaResponse(value)) return value;
  const requestId = randomUuid(random);
  const length = String(JSON.stringify(value)?.length ?? 0);
  return {
    ExecutedVersion: '$LATEST',
    Payload: value,
    SdkHttpMetadata: {
      AllHttpHeaders: {
        'X-Amz-Executed-Version': ['$LATEST'],
        'x-amzn-Remapped-Content-Length': ['0'],
        Connection: ['keep-alive'],
        'x-amzn-RequestId': [requestId],
        'Content-Length': [length],
        'Content-Type': ['application/json'],
      },
      HttpHeaders: {
        Connection: 'keep-alive',
        'Content-Length': length,
        'Content-Type': 'application/json',
        'X-Amz-Executed-Version': '$LATEST',
        'x-amzn-Remapped-Content-Length': '0',
        'x-amzn-RequestId': requestId,
      },
      HttpStatusCode: 200,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: 200,
  };
}

/** Whether a mock's answer is already the whole `lambda:invoke` response (`Payload` and `StatusCode`), not the function's payload. */
export function isLambdaResponse(value: Json): value is JsonObject & { Payload: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'Payload' in value && 'StatusCode' in value;
}
