/**
 * JSONPath payload templates (§2.3): `Parameters`, `ResultSelector`, `ItemSelector`,
 * `Credentials`, `ItemReader.Parameters`, ... A key ending in `.$` holds a Path or an intrinsic
 * call; keys must stay unique once the suffix is stripped. Checked at any depth, arrays included.
 */
import { childSite, type DiagnosticSink, type Site, inState } from './diagnostics';
import { wrongType } from './field-checks';
import { parseIntrinsicOrProblem } from './intrinsic-calls';
import { isRecord } from './json-values';
import { pathProblem } from './paths';

/** Checks a whole template field; the template itself must be an object. */
export function checkPayloadTemplateField(sink: DiagnosticSink, site: Site, value: unknown): void {
  if (!isRecord(value)) {
    wrongType(sink, site, 'an object (a payload template)', value);
    return;
  }
  checkTemplateValue(sink, site, value);
}

/**
 * Checks `Parameters`: a template object, or an array of template values. Deployed definitions
 * pass arrays (an EventBridge Pipes enrichment sample sends its Lambda an array) and AWS's own ASL
 * language service accepts them; the other template fields stay objects.
 */
export function checkParametersField(sink: DiagnosticSink, site: Site, value: unknown): void {
  if (Array.isArray(value)) checkTemplateValue(sink, site, value);
  else checkPayloadTemplateField(sink, site, value);
}

/** Checks any JSON value that may contain templates (an array element, a nested object). */
export function checkTemplateValue(sink: DiagnosticSink, site: Site, value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkTemplateValue(sink, childSite(site, index), item));
    return;
  }
  if (!isRecord(value)) return;
  const seen = new Map<string, string>();
  for (const [key, member] of Object.entries(value)) {
    const memberSite = childSite(site, key);
    const name = key.endsWith('.$') ? key.slice(0, -2) : key;
    const previous = seen.get(name);
    if (previous !== undefined) {
      sink.error(
        'DUPLICATE_PAYLOAD_KEY',
        memberSite,
        `The payload template at '${site.pointer}'${inState(site)} has both '${previous}' and '${key}', which name the same field '${name}' once '.$' is stripped; keep only one.`,
      );
    } else {
      seen.set(name, key);
    }
    if (key.endsWith('.$')) checkDynamicValue(sink, memberSite, key, member);
    else checkTemplateValue(sink, memberSite, member);
  }
}

/** The value of a `.$` key: a Path (`$…`, `$$…`, `$var…`) or an intrinsic function call. */
export function checkDynamicValue(sink: DiagnosticSink, site: Site, key: string, value: unknown): void {
  const invalid = (detail: string) =>
    sink.error(
      'INVALID_PAYLOAD_TEMPLATE',
      site,
      `The value for the field '${key}' must be a valid JSONPath or a valid intrinsic function call${inState(site)}: ${detail}`,
    );
  if (typeof value !== 'string') {
    invalid(`it is ${value === null ? 'null' : typeof value}, expected a string; drop the '.$' suffix to pass a literal value.`);
    return;
  }
  if (value.startsWith('$')) {
    const problem = pathProblem(value, { reference: false });
    if (problem !== undefined) invalid(`'${value}': ${problem}.`);
    return;
  }
  const parsed = parseIntrinsicOrProblem(value);
  if ('problem' in parsed) invalid(`${parsed.problem}. Drop the '.$' suffix if '${value}' is meant literally.`);
}
