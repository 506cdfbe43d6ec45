import { createHash } from 'node:crypto';
import type { Json } from '../../asl/types';
import { expectMaxLength, expectString } from './argument-checks';
import { invalidArguments } from './intrinsic-failure';
import type { IntrinsicFunction } from './intrinsic-function';
import { LIMITS } from '../../asl/limits';

/** AWS's algorithm names mapped to Node's (States.Hash and JSONata's `$hash`). */
const HASH_ALGORITHMS: Readonly<Record<string, string>> = Object.freeze({
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
});

/** AWS's algorithm names, for messages. */
export const HASH_ALGORITHM_NAMES: readonly string[] = Object.keys(HASH_ALGORITHMS);

/**
 * Node's name for an AWS hash algorithm, or `undefined`. An own-property check: a plain lookup
 * found `constructor` and made `States.Hash('a', 'constructor')` an internal error (issue 8).
 */
export function nodeHashAlgorithm(name: string): string | undefined {
  return Object.hasOwn(HASH_ALGORITHMS, name) ? HASH_ALGORITHMS[name] : undefined;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export const encodingFunctions: Record<string, IntrinsicFunction> = {
  'States.Base64Encode': {
    evaluate([text]) {
      const fn = 'States.Base64Encode';
      return Buffer.from(expectMaxLength(fn, expectString(fn, 1, text), LIMITS.encodingCharacters), 'utf8').toString('base64');
    },
  },

  'States.Base64Decode': {
    evaluate([text]) {
      const fn = 'States.Base64Decode';
      const encoded = expectMaxLength(fn, expectString(fn, 1, text), LIMITS.encodingCharacters);
      if (!BASE64.test(encoded)) throw invalidArguments(fn, 'the string is not valid base64');
      return Buffer.from(encoded, 'base64').toString('utf8');
    },
  },

  /** Lowercase hex digest; data that is not a string is hashed as its JSON text. */
  'States.Hash': {
    evaluate([data, algorithm]) {
      const fn = 'States.Hash';
      const text = expectMaxLength(fn, hashInput(data), LIMITS.encodingCharacters);
      const name = expectString(fn, 2, algorithm);
      const nodeName = nodeHashAlgorithm(name);
      if (!nodeName) {
        throw invalidArguments(fn, `unknown algorithm '${name}' (use one of ${HASH_ALGORITHM_NAMES.join(', ')})`);
      }
      return createHash(nodeName).update(text, 'utf8').digest('hex');
    },
  },
};

function hashInput(data: Json): string {
  return typeof data === 'string' ? data : JSON.stringify(data);
}
