/** What a task token identifies: one attempt of one Task state in one execution. */
export interface TaskTokenParts {
  executionArn: string;
  stateName: string;
  /** `$$.State.RetryCount` of the attempt. */
  retryCount: number;
  /** A random part, so two attempts (two Map iterations of one state) never share a token. */
  nonce: string;
}

const VERSION = 'SC1';

/**
 * Encodes a token as opaque text (base64url, like AWS's tokens). Because a token names its own
 * execution and state, a token that does not decode is `InvalidToken` without keeping every token
 * ever issued, and a saved execution can re-register its pending tokens after a restart.
 */
export function encodeTaskToken(parts: TaskTokenParts): string {
  const text = JSON.stringify([VERSION, parts.executionArn, parts.stateName, parts.retryCount, parts.nonce]);
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** The parts of a token this interpreter issued, or `undefined` for anything else. */
export function decodeTaskToken(token: string): TaskTokenParts | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(decoded) || decoded.length !== 5 || decoded[0] !== VERSION) return undefined;
  const [, executionArn, stateName, retryCount, nonce] = decoded;
  if (typeof executionArn !== 'string' || typeof stateName !== 'string' || typeof retryCount !== 'number' || typeof nonce !== 'string') {
    return undefined;
  }
  return { executionArn, stateName, retryCount, nonce };
}
