/**
 * Variables (§3): `Assign` names and values, and the scope rule — an inner scope (Parallel branch,
 * Map processor) must not assign a name an outer scope assigns.
 */
import type { StatesMember } from '../jsonata-syntax';
import type { StateContext } from './context';
import { childSite, type DiagnosticSink, type Site, inState } from './diagnostics';
import { expectObject } from './field-checks';
import { checkJsonataValue } from './jsonata-values';
import { checkDynamicValue, checkTemplateValue } from './payload-template';
import { LIMITS } from '../limits';

/** The variables one `States` object assigns; branches and processors are child scopes. */
export class VariableScope {
  /** Variable name → where it is first assigned in this scope. */
  readonly assigned = new Map<string, Site>();
  readonly children: VariableScope[] = [];

  constructor(readonly parent?: VariableScope) {
    parent?.children.push(this);
  }

  record(name: string, site: Site): void {
    if (!this.assigned.has(name)) this.assigned.set(name, site);
  }

  /** The nearest enclosing scope's site for `name`, if any outer scope assigns it. */
  outerAssignment(name: string): Site | undefined {
    for (let scope = this.parent; scope; scope = scope.parent) {
      const site = scope.assigned.get(name);
      if (site) return site;
    }
    return undefined;
  }
}

// Unicode identifier; `_` is also accepted as a first character, as JSONPath variable references allow it.
const VARIABLE_NAME = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;

/** Why `name` is not a valid variable name, or `undefined`. */
export function variableNameProblem(name: string): string | undefined {
  if (name === 'states') return "'states' is reserved (it holds $states.input, $states.result, ...)";
  if (name.length > LIMITS.nameLength) return `it is longer than ${LIMITS.nameLength} characters`;
  if (!VARIABLE_NAME.test(name)) return 'it must be an identifier (a letter or _, then letters, digits or _); only whole variables can be assigned';
  return undefined;
}

/**
 * Checks an `Assign` object (state, Choice rule or Catcher) and records its names in `scope`.
 * `members`: the `$states` members its JSONata values may read.
 */
export function checkAssign(
  ctx: StateContext,
  sink: DiagnosticSink,
  site: Site,
  value: unknown,
  scope: VariableScope,
  members: ReadonlySet<StatesMember>,
): void {
  if (!expectObject(sink, site, value)) return;
  for (const [key, member] of Object.entries(value)) {
    const memberSite = childSite(site, key);
    const dynamic = ctx.language === 'JSONPath' && key.endsWith('.$');
    const name = dynamic ? key.slice(0, -2) : key;
    const problem = variableNameProblem(name);
    if (problem !== undefined) {
      sink.error('INVALID_VARIABLE_NAME', memberSite, `The variable name '${name}' in the field 'Assign'${inState(site)} is invalid: ${problem}.`);
    } else {
      scope.record(name, memberSite);
    }
    if (ctx.language === 'JSONata') checkJsonataValue(sink, memberSite, member, members);
    else if (dynamic) checkDynamicValue(sink, memberSite, key, member);
    else checkTemplateValue(sink, memberSite, member);
  }
}

/** Warns about every inner-scope assignment of a name that an enclosing scope also assigns. */
export function reportScopeConflicts(sink: DiagnosticSink, scope: VariableScope): void {
  for (const [name, site] of scope.assigned) {
    const outer = scope.outerAssignment(name);
    if (outer) {
      // The spec says MUST NOT, but AWS accepted such a definition (recorded case
      // PARALLEL_CATCH_ERROR_VARIABLE_SAMPLING), so this is a warning, not a rejection.
      sink.warning(
        'VARIABLE_SCOPE_CONFLICT',
        site,
        `The variable '${name}' is assigned${inState(site)} inside a Parallel branch or Map processor, but an enclosing scope also assigns it (at ${outer.pointer}${outer.state ? `, state '${outer.state}'` : ''}); an inner scope must not assign an outer variable — rename one of them, or return the value through the state output.`,
      );
    }
  }
  for (const child of scope.children) reportScopeConflicts(sink, child);
}
