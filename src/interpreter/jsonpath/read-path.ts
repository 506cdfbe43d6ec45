import { formatBracketPath, parsePath } from '../../asl/json-path';
import type { Json } from '../../asl/types';
import { runtimeError } from '../errors';
import { preparePath, MISSING, type PathScope } from './evaluate-path';

/** A path that must select something (InputPath, OutputPath, `*Path` fields). */
export type RequiredPath = (scope: PathScope) => Json;

/**
 * Prepares an `InputPath`/`OutputPath`-style path whose absence is a `States.Runtime` error,
 * worded as AWS words it (Jayway's messages): `Invalid path '$.a.b' : Missing property in path $['a']`.
 */
export function prepareRequiredPath(path: string): RequiredPath {
  const read = preparePath(path);
  return (scope) => {
    const value = read(scope);
    if (value === MISSING) throw runtimeError(`Invalid path '${path}' : ${missingPathDetail(path, scope)}`);
    return value;
  };
}

/** Jayway's explanation of why a definite path selected nothing. */
export function missingPathDetail(path: string, scope: PathScope): string {
  const parsed = parsePath(path);
  const segments = parsed?.segments;
  if (!parsed || !segments) return `No results for path: ${path}`;
  if (parsed.root.kind === 'variable' && scope.variable(parsed.root.name) === undefined) {
    return `The variable '$${parsed.root.name}' is not defined.`;
  }
  let current: Json | typeof MISSING = preparePath(path.slice(0, path.length - parsed.relative.length + 1))(scope);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const next: Json | undefined =
      current !== MISSING && current !== null && typeof current === 'object'
        ? (current as Record<string | number, Json>)[segment as never]
        : undefined;
    if (next === undefined || (typeof segment === 'string' && Array.isArray(current))) {
      const upTo = formatBracketPath(segments.slice(0, i + 1));
      return i === segments.length - 1 ? `No results for path: ${upTo}` : `Missing property in path ${upTo}`;
    }
    current = next;
  }
  return `No results for path: ${formatBracketPath(segments)}`;
}
