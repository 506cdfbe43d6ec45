/**
 * asl-validator, loaded once per worker with one Ajv. asl-validator 4.0.0 builds a fresh Ajv and
 * recompiles its 15 JSON schemas on every call (`checks/json-schema-errors.js`: `new Ajv({ schemas })`),
 * 240–1,100 ms each; the compiler tests call it on every compiled workflow. Its constructor options
 * never change (the schema list is constant) and the formats it adds after construction are re-added
 * on every call, so one instance gives the same answers; Ajv caches the compiled schemas on it.
 */
import { createRequire } from 'node:module';

type AslValidator = (
  definition: unknown,
  options?: { checkPaths?: boolean; checkArn?: boolean },
) => { isValid: boolean; errors: unknown[]; errorsText: (separator?: string) => string };

const requireFromHere = createRequire(import.meta.url);
// The `ajv` asl-validator itself resolves (it may not be ours).
const ajvModule = createRequire(requireFromHere.resolve('asl-validator'))('ajv') as { default: new (options: unknown) => object; __statecraftShared?: true };
if (!ajvModule.__statecraftShared) {
  const Ajv = ajvModule.default;
  let shared: object | undefined;
  // `new SharedAjv(options)` returns the one instance (a constructor that returns an object yields it).
  // ajv-formats' plugin adds keywords (formatMaximum, …) on every call; on the one instance the
  // second addition would throw "already defined", so an existing keyword is kept.
  const SharedAjv = function SharedAjv(options: unknown) {
    if (shared) return shared;
    const ajv = new Ajv(options) as { addKeyword: (definition: unknown) => unknown; getKeyword: (name: string) => unknown };
    const addKeyword = ajv.addKeyword.bind(ajv);
    ajv.addKeyword = (definition: unknown) => {
      const name = typeof definition === 'string' ? definition : (definition as { keyword?: string | string[] }).keyword;
      const names = Array.isArray(name) ? name : [name];
      return names.every((n) => typeof n === 'string' && ajv.getKeyword(n)) ? ajv : addKeyword(definition);
    };
    return (shared = ajv);
  } as unknown as new (options: unknown) => object;
  ajvModule.default = SharedAjv;
  ajvModule.__statecraftShared = true;
}

/** asl-validator's default export (it mutates its input: pass a copy). */
export const aslValidator = requireFromHere('asl-validator') as AslValidator;
