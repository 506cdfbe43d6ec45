/**
 * JSONata values (§2.5): every `{% … %}` string in a JSONata-capable field, at any depth, must
 * parse, and may read only the `$states` members available where it is evaluated.
 */
import { isJsonataExpression, jsonataSyntaxError, referencedStatesMembers, type StatesMember } from '../jsonata-syntax';
import type { StateContext } from './context';
import { childSite, type DiagnosticSink, type Site, inState } from './diagnostics';
import { expectInteger, expectNumber, wrongType } from './field-checks';
import { isRecord } from './json-values';
import { topLevelReferences } from './jsonata-top-level';

export const INPUT_MEMBERS: ReadonlySet<StatesMember> = new Set(['input', 'context']);
export const RESULT_MEMBERS: ReadonlySet<StatesMember> = new Set(['input', 'context', 'result']);
export const ERROR_OUTPUT_MEMBERS: ReadonlySet<StatesMember> = new Set(['input', 'context', 'errorOutput']);

/** Checks every JSONata expression inside `value`. */
export function checkJsonataValue(
  sink: DiagnosticSink,
  site: Site,
  value: unknown,
  available: ReadonlySet<StatesMember> = INPUT_MEMBERS,
): void {
  if (typeof value === 'string') {
    checkJsonataString(sink, site, value, available);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => checkJsonataValue(sink, childSite(site, index), item, available));
  } else if (isRecord(value)) {
    for (const [key, member] of Object.entries(value)) {
      const memberSite = childSite(site, key);
      if (key.endsWith('.$')) {
        sink.warning(
          'INVALID_PAYLOAD_TEMPLATE',
          memberSite,
          `The key '${key}'${inState(site)} ends in '.$', which only JSONPath states evaluate; in a JSONata state the key is kept as written and its value is not resolved. Drop the suffix and write the value as '{% … %}'.`,
        );
      }
      checkJsonataValue(sink, memberSite, member, available);
    }
  }
}

function checkJsonataString(sink: DiagnosticSink, site: Site, text: string, available: ReadonlySet<StatesMember>): void {
  const raw: string = text;
  if (!isJsonataExpression(raw)) {
    const trimmed = text.trim();
    if (trimmed.startsWith('{%') && trimmed.endsWith('%}')) {
      sink.warning(
        'INVALID_JSONATA_EXPRESSION',
        site,
        `The value for the field '${site.field}'${inState(site)} looks like a JSONata expression but has text around the '{%' '%}' delimiters, so it is a plain string; remove the surrounding whitespace to evaluate it.`,
      );
    }
    return;
  }
  const syntax = jsonataSyntaxError(text);
  if (syntax !== undefined) {
    sink.error('INVALID_JSONATA_EXPRESSION', site, `The JSONata expression ${JSON.stringify(text)} in the field '${site.field}'${inState(site)} is invalid: ${syntax}.`);
    return;
  }
  for (const name of topLevelReferences(text)) {
    sink.error(
      'UNSUPPORTED_JSONATA_EXPRESSION',
      site,
      `Reference to '${name}' at the top level is not supported (field '${site.field}'${inState(site)}): JSONata expressions in Step Functions have no input document — read the state input as $states.input${name.startsWith('$') ? '' : `.${name}`}, or a variable as $name.`,
    );
  }
  for (const member of referencedStatesMembers(text)) {
    if (!available.has(member)) {
      sink.error(
        'JSONATA_STATES_MEMBER_UNAVAILABLE',
        site,
        `The JSONata expression in the field '${site.field}'${inState(site)} reads $states.${member}, which is not available there ` +
          `(available: ${[...available].map((m) => `$states.${m}`).join(', ')}). $states.result exists only in a Task, Parallel or Map state's Output/Assign, $states.errorOutput only in a Catcher's Output/Assign.`,
      );
    }
  }
}

/** A JSONata-capable numeric field: in a JSONata state a `{% %}` string is accepted instead of the literal. */
export function checkNumberOrJsonata(
  ctx: StateContext,
  sink: DiagnosticSink,
  site: Site,
  value: unknown,
  bounds: { min: number; max: number; integer: boolean },
): void {
  if (ctx.language === 'JSONata' && typeof value === 'string') {
    if (isJsonataExpression(value)) checkJsonataValue(sink, site, value);
    else wrongType(sink, site, `${bounds.integer ? 'an integer' : 'a number'} or a JSONata expression '{% … %}'`, value);
    return;
  }
  if (bounds.integer) expectInteger(sink, site, value, bounds.min, bounds.max);
  else expectNumber(sink, site, value, bounds.min, bounds.max);
}
