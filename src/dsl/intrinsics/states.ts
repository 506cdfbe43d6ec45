import type { Dynamic, Expr } from '../values/expr';
import { intrinsicCall } from './intrinsic-call';

type Scalar = string | number | boolean | null;
/** The algorithms `States.Hash` accepts. */
export type HashAlgorithm = 'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

/**
 * The 18 intrinsic functions of JSONPath states, typed. Each returns an expression usable in a
 * payload, a result selector or an assignment; in a JSONata state the compiler translates the
 * ones JSONata has an equivalent for and reports the others.
 *
 * @example
 * .pass('Greet', { parameters: s => ({ text: States.Format('Hello {}', s.name) }) })
 */
export const States = Object.freeze({
  /** `States.Format('Hi {}', $.name)`: `{}` placeholders replaced in order. */
  Format: (template: Dynamic<string>, ...values: Dynamic<Scalar>[]): Expr<string> =>
    intrinsicCall('States.Format', [template, ...values]),
  StringToJson: <T = unknown>(text: Dynamic<string>): Expr<T> => intrinsicCall('States.StringToJson', [text]),
  JsonToString: (value: Expr<unknown>): Expr<string> => intrinsicCall('States.JsonToString', [value]),
  Array: <T extends readonly Dynamic<unknown>[]>(...items: T): Expr<unknown[]> => intrinsicCall('States.Array', items),
  ArrayPartition: <T>(array: Dynamic<readonly T[]>, size: Dynamic<number>): Expr<T[][]> =>
    intrinsicCall('States.ArrayPartition', [array, size]),
  ArrayContains: <T>(array: Dynamic<readonly T[]>, value: Dynamic<T>): Expr<boolean> =>
    intrinsicCall('States.ArrayContains', [array, value]),
  ArrayRange: (start: Dynamic<number>, end: Dynamic<number>, step: Dynamic<number>): Expr<number[]> =>
    intrinsicCall('States.ArrayRange', [start, end, step]),
  ArrayGetItem: <T>(array: Dynamic<readonly T[]>, index: Dynamic<number>): Expr<T> =>
    intrinsicCall('States.ArrayGetItem', [array, index]),
  ArrayLength: (array: Dynamic<readonly unknown[]>): Expr<number> => intrinsicCall('States.ArrayLength', [array]),
  ArrayUnique: <T>(array: Dynamic<readonly T[]>): Expr<T[]> => intrinsicCall('States.ArrayUnique', [array]),
  Base64Encode: (text: Dynamic<string>): Expr<string> => intrinsicCall('States.Base64Encode', [text]),
  Base64Decode: (text: Dynamic<string>): Expr<string> => intrinsicCall('States.Base64Decode', [text]),
  Hash: (data: Dynamic<unknown>, algorithm: Dynamic<HashAlgorithm>): Expr<string> =>
    intrinsicCall('States.Hash', [data, algorithm]),
  /** Shallow merge (AWS supports only `deep = false`). */
  JsonMerge: <A extends object, B extends object>(a: Expr<A>, b: Expr<B>, deep: false = false): Expr<Omit<A, keyof B> & B> =>
    intrinsicCall('States.JsonMerge', [a, b, deep]),
  MathRandom: (start: Dynamic<number>, end: Dynamic<number>, seed?: Dynamic<number>): Expr<number> =>
    intrinsicCall('States.MathRandom', seed === undefined ? [start, end] : [start, end, seed]),
  MathAdd: (a: Dynamic<number>, b: Dynamic<number>): Expr<number> => intrinsicCall('States.MathAdd', [a, b]),
  StringSplit: (text: Dynamic<string>, delimiters: Dynamic<string>): Expr<string[]> =>
    intrinsicCall('States.StringSplit', [text, delimiters]),
  UUID: (): Expr<string> => intrinsicCall('States.UUID', []),
});
