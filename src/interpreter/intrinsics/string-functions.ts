import { expectString } from './argument-checks';
import type { IntrinsicFunction } from './intrinsic-function';

export const stringFunctions: Record<string, IntrinsicFunction> = {
  /**
   * Splits on *any* character of the delimiter string and drops empty pieces (recorded:
   * `",,,,"` → `[]`, `"This.is+a,test=string"` on `".+,="` → five words).
   */
  'States.StringSplit': {
    evaluate([text, delimiters]) {
      const input = expectString('States.StringSplit', 1, text);
      const separators = new Set(expectString('States.StringSplit', 2, delimiters));
      const pieces: string[] = [];
      let piece = '';
      for (const ch of input) {
        if (separators.has(ch)) {
          if (piece !== '') pieces.push(piece);
          piece = '';
        } else {
          piece += ch;
        }
      }
      if (piece !== '') pieces.push(piece);
      return pieces;
    },
  },
};
