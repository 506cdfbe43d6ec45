import type { Json } from '../../asl/types';
import type { RandomSource } from '../random/seeded-random';

/** What a function may use besides its arguments. */
export interface IntrinsicEnvironment {
  /** The execution's random source in [0, 1); seeded runs are reproducible. */
  random: RandomSource;
}

/** One `States.*` function: evaluated arguments in, a JSON value out; throws `InvalidIntrinsicArguments`. */
export interface IntrinsicFunction {
  evaluate(args: Json[], env: IntrinsicEnvironment): Json;
  /**
   * Positions whose string *literal* is passed with its escapes kept (`\{`, `\}`, ...), because
   * the function gives unescaped characters a meaning (`States.Format`'s `{}` placeholders).
   */
  rawLiteralPositions?: readonly number[];
}
