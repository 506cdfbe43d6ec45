/**
 * JSONPath fields (§2.2): a *Path* may select many nodes (`$.a[*]`, `$..b`, filters); a
 * *Reference Path* addresses one node (member and index access only). Roots: `$` (input), `$$`
 * (context object), `$name` (variable).
 */
import { jsonPathProblem, parsePath, type ParsedPath } from '../json-path';
import { type DiagnosticSink, type Site, inState } from './diagnostics';
import { wrongType } from './field-checks';

export interface PathRules {
  /** Only member/index access (ResultPath, ItemsPath, `*Path` fields, Choice `Variable`). */
  reference: boolean;
  /** `$$…` allowed (everything but ResultPath). */
  context?: boolean;
  /** `$name…` allowed (everything but ResultPath). */
  variables?: boolean;
}

/** Parses `text` as a path under `rules`; `undefined` with the reason when it is not one. */
export function pathProblem(text: string, rules: PathRules): string | undefined {
  const parsed: ParsedPath | undefined = parsePath(text);
  if (!parsed) return 'it must start with $ ($ for the input, $$ for the context object, $name for a variable)';
  if (parsed.root.kind === 'context' && rules.context === false) return 'it must not start with $$ (the context object is read-only)';
  if (parsed.root.kind === 'variable' && rules.variables === false) return 'it must not reference a variable (use Assign to set variables)';
  const syntax = jsonPathProblem(parsed.relative);
  if (syntax !== undefined) return syntax;
  if (rules.reference && parsed.segments === undefined) {
    return 'it must be a reference path, addressing a single node with member and index access only (no *, .., filters, slices or unions)';
  }
  return undefined;
}

/** Reports a path field that is not a string or not a valid path. Returns whether it passed. */
export function checkPathField(sink: DiagnosticSink, site: Site, value: unknown, rules: PathRules): value is string {
  if (typeof value !== 'string') {
    wrongType(sink, site, rules.reference ? 'a reference path string' : 'a JSONPath string', value);
    return false;
  }
  const problem = pathProblem(value, rules);
  if (problem === undefined) return true;
  sink.error(
    rules.reference ? 'INVALID_REFERENCE_PATH' : 'INVALID_JSONPATH',
    site,
    `The value for the field '${site.field}'${inState(site)} must be a valid ${rules.reference ? 'reference path' : 'JSONPath'}: '${value}' — ${problem}.`,
  );
  return false;
}

/** InputPath/OutputPath: a Path or `null`. */
export function checkNullablePathField(sink: DiagnosticSink, site: Site, value: unknown): void {
  if (value === null) return;
  checkPathField(sink, site, value, { reference: false });
}

/** ResultPath: a reference path over the input, or `null`; never `$$` nor a variable. */
export function checkResultPathField(sink: DiagnosticSink, site: Site, value: unknown): void {
  if (value === null) return;
  checkPathField(sink, site, value, { reference: true, context: false, variables: false });
}
