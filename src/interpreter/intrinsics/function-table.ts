import { INTRINSIC_FUNCTIONS } from '../../asl/intrinsic-syntax';
import { arrayFunctions } from './array-functions';
import { encodingFunctions } from './encoding-functions';
import { formatFunctions } from './format-function';
import type { IntrinsicFunction } from './intrinsic-function';
import { jsonFunctions } from './json-functions';
import { mathFunctions } from './math-functions';
import { stringFunctions } from './string-functions';
import { uuidFunctions } from './uuid-function';

/** Every `States.*` implementation by name; one entry per name in `INTRINSIC_FUNCTIONS`. */
export const INTRINSIC_IMPLEMENTATIONS: Readonly<Record<string, IntrinsicFunction>> = Object.freeze({
  ...arrayFunctions,
  ...stringFunctions,
  ...formatFunctions,
  ...jsonFunctions,
  ...mathFunctions,
  ...encodingFunctions,
  ...uuidFunctions,
});

// The parser's list and this table must name the same functions; fail loudly at load otherwise.
for (const name of Object.keys(INTRINSIC_FUNCTIONS)) {
  if (!INTRINSIC_IMPLEMENTATIONS[name]) throw new Error(`Intrinsic function ${name} has no implementation`);
}
