/**
 * The diagnostic shape every validation rule reports, and where in the document it points.
 */

/** One problem found in an ASL document. */
export interface AslDiagnostic {
  /** Stable machine code (see {@link DiagnosticCode}). */
  code: string;
  /** Human sentence: what is wrong and how to fix it; names the state and field. */
  message: string;
  /** RFC 6901 JSON pointer into the document, e.g. `/States/State0/Credentials`. */
  pointer: string;
  /** State name when the problem is inside a state. */
  state?: string;
  /** Field name, e.g. `ResultPath`. */
  field?: string;
  severity: 'error' | 'warning';
  /**
   * AWS's own sentence for this problem, where it is recorded and differs from {@link message}
   * (AWS's is terser: it leaves the value out). API answers (`InvalidDefinition`,
   * `ValidateStateMachineDefinition`) use it; people read `message`.
   */
  awsMessage?: string;
}

/** Options of `validateDefinition`. */
export interface ValidateOptions {
  /** Standard (default) or Express: Express rejects `.sync`, `.waitForTaskToken`, activities and Distributed Map. */
  stateMachineType?: 'STANDARD' | 'EXPRESS';
}

/** Every code the validator emits. */
export type DiagnosticCode =
  | 'INVALID_DEFINITION'
  | 'DEFINITION_TOO_LARGE'
  | 'MISSING_REQUIRED_FIELD'
  | 'UNKNOWN_FIELD'
  | 'INVALID_FIELD_TYPE'
  | 'INVALID_FIELD_VALUE'
  | 'MUTUALLY_EXCLUSIVE_FIELDS'
  | 'QUERY_LANGUAGE_MISMATCH'
  | 'INVALID_JSONATA_EXPRESSION'
  | 'UNSUPPORTED_JSONATA_EXPRESSION'
  | 'JSONATA_STATES_MEMBER_UNAVAILABLE'
  | 'INVALID_JSONPATH'
  | 'INVALID_REFERENCE_PATH'
  | 'INVALID_PAYLOAD_TEMPLATE'
  | 'DUPLICATE_PAYLOAD_KEY'
  | 'INVALID_TIMESTAMP'
  | 'INVALID_STATE_TYPE'
  | 'INVALID_STATE_NAME'
  | 'DUPLICATE_STATE_NAME'
  | 'MISSING_TRANSITION_TARGET'
  | 'UNREACHABLE_STATE'
  | 'MISSING_END_STATE'
  | 'INVALID_TRANSITION'
  | 'INVALID_CHOICE_RULE'
  | 'INVALID_ERROR_EQUALS'
  | 'INVALID_VARIABLE_NAME'
  | 'VARIABLE_SCOPE_CONFLICT'
  | 'INVALID_RESOURCE'
  | 'EXPRESS_UNSUPPORTED'
  | 'INVALID_LABEL'
  | 'DUPLICATE_LABEL';

/** Where a diagnostic points: the JSON pointer plus the state and field it is about. */
export interface Site {
  readonly pointer: string;
  readonly state?: string;
  readonly field?: string;
}

export const ROOT_SITE: Site = { pointer: '' };

function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The site of `segment` under `site`; a string segment becomes the field name unless `field` says otherwise. */
export function childSite(site: Site, segment: string | number, field?: string): Site {
  return {
    pointer: `${site.pointer}/${escapePointerSegment(segment)}`,
    state: site.state,
    field: field ?? (typeof segment === 'string' ? segment : site.field),
  };
}

/** The site of a state object: `/…/States/<name>`. */
export function stateSite(statesSite: Site, name: string): Site {
  return { pointer: `${statesSite.pointer}/${escapePointerSegment(name)}`, state: name };
}

/** Collects diagnostics; rules only ever append. */
export class DiagnosticSink {
  readonly diagnostics: AslDiagnostic[] = [];

  /** `awsMessage`: AWS's recorded wording when it differs from `message` (see {@link AslDiagnostic.awsMessage}). */
  error(code: DiagnosticCode, site: Site, message: string, awsMessage?: string): void {
    this.add(code, site, message, 'error', awsMessage);
  }

  warning(code: DiagnosticCode, site: Site, message: string): void {
    this.add(code, site, message, 'warning');
  }

  private add(code: DiagnosticCode, site: Site, message: string, severity: AslDiagnostic['severity'], awsMessage?: string): void {
    const diagnostic: AslDiagnostic = { code, message, pointer: site.pointer, severity };
    if (awsMessage !== undefined) diagnostic.awsMessage = awsMessage;
    if (site.state !== undefined) diagnostic.state = site.state;
    if (site.field !== undefined) diagnostic.field = site.field;
    this.diagnostics.push(diagnostic);
  }
}

/** `in state 'X'` for messages (empty at top level). */
export function inState(site: Site): string {
  return site.state === undefined ? '' : ` in state '${site.state}'`;
}
