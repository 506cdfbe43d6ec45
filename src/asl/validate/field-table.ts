/**
 * The shared mechanism behind every per-object field matrix (states, ItemReader, retriers, ...):
 * which fields exist, which query language each belongs to, which are required, how each value
 * is checked. AWS rejects unknown fields, so we do too.
 */
import type { QueryLanguage } from '../types';
import { type StateContext, sinkOf } from './context';
import { childSite, type Site, inState } from './diagnostics';
import { hasOwn, type JsonRecord } from './json-values';

export interface FieldRule {
  /** Set when the field exists only in that query language (§1.4 "JP"/"JA"). */
  language?: QueryLanguage;
  required?: boolean;
  check?: (ctx: StateContext, site: Site, value: unknown) => void;
}

export type FieldTable = Readonly<Record<string, FieldRule>>;

/** What to write instead of a field of the other query language. */
const JSONATA_REPLACEMENT: Record<string, string> = {
  Parameters: "'Arguments'",
  ResultSelector: "'Output'",
  ResultPath: "'Output' (and 'Assign')",
  InputPath: "'Arguments' (read $states.input)",
  OutputPath: "'Output'",
  ItemsPath: "'Items'",
  Result: "'Output'",
};

function languageHint(field: string, fieldLanguage: QueryLanguage): string {
  if (fieldLanguage === 'JSONata') return `set "QueryLanguage": "JSONata" on the state (or the state machine) to use it${field === 'Arguments' ? ", or use 'Parameters'" : field === 'Output' ? ", or use 'ResultSelector'/'ResultPath'/'OutputPath'" : ''}`;
  const replacement = JSONATA_REPLACEMENT[field] ?? (field.endsWith('Path') ? `'${field.slice(0, -4)}' with a '{% … %}' expression` : undefined);
  return replacement ? `use ${replacement} instead` : 'remove it, or switch the state to JSONPath';
}

/**
 * Checks `object`'s fields against `table`. `where` names the object in messages
 * ("a Task state", "ItemReader").
 */
export function checkFields(ctx: StateContext, site: Site, object: JsonRecord, table: FieldTable, where: string): void {
  const sink = sinkOf(ctx);
  for (const key of Object.keys(object)) {
    const fieldSite = childSite(site, key);
    const rule = hasOwn(table, key) ? table[key] : undefined;
    if (!rule) {
      sink.error(
        'UNKNOWN_FIELD',
        fieldSite,
        `Field '${key}' is not supported in ${where}${inState(site)}; remove it (allowed: ${Object.keys(table).join(', ')}).`,
      );
    } else if (rule.language && rule.language !== ctx.language) {
      sink.error(
        'QUERY_LANGUAGE_MISMATCH',
        fieldSite,
        `The QueryLanguage is set to '${ctx.language}', but field '${key}' is only supported for the '${rule.language}' QueryLanguage (${where}${inState(site)}); ${languageHint(key, rule.language)}.`,
      );
    } else {
      rule.check?.(ctx, fieldSite, object[key]);
    }
  }
  for (const [key, rule] of Object.entries(table)) {
    if (rule.required && !hasOwn(object, key)) {
      sink.error('MISSING_REQUIRED_FIELD', childSite(site, key), `The field '${key}' is required but was missing in ${where}${inState(site)}.`);
    }
  }
}

/** Reports each pair of fields that must not appear together. */
export function checkExclusiveFields(ctx: StateContext, site: Site, object: JsonRecord, pairs: readonly (readonly [string, string])[]): void {
  for (const [a, b] of pairs) {
    if (hasOwn(object, a) && hasOwn(object, b)) {
      sinkOf(ctx).error(
        'MUTUALLY_EXCLUSIVE_FIELDS',
        childSite(site, b),
        `The fields '${a}' and '${b}' are mutually exclusive${inState(site)}; keep only one of them.`,
      );
    }
  }
}
