import type { AttributedNeed, ResourceRef } from './permission-need';
import { labelOfArn, pascalCase, statementSid, uniqueSids } from './statement-name';
import type { IamCondition, IamStatement, StatementUse } from './types';

interface Group {
  key: string;
  effect: 'Allow' | 'Deny';
  actions: string[];
  condition?: IamCondition;
  bases: Set<string>;
  resources: Map<string, Set<string>>;
  states: string[];
}

/**
 * Turns per-state needs into policy statements: needs with the same effect, actions and condition
 * become one statement over the union of their resources (`*` absorbs the rest); actions and
 * resources are sorted, statements are ordered by `Sid`, and each records which states need it.
 */
export function mergeStatements(needs: readonly AttributedNeed[]): { statements: IamStatement[]; uses: StatementUse[] } {
  const groups = new Map<string, Group>();
  for (const { need, state } of needs) {
    const effect = need.effect ?? 'Allow';
    const actions = [...new Set(need.actions)].sort();
    const condition = need.condition ? canonicalCondition(need.condition) : undefined;
    const key = JSON.stringify([effect, actions, condition ?? null]);
    let group = groups.get(key);
    if (!group) {
      group = { key, effect, actions, condition, bases: new Set(), resources: new Map(), states: [] };
      groups.set(key, group);
    }
    group.bases.add(need.sid);
    need.resources.forEach((resource) => addResource(group!, resource));
    if (state !== undefined && !group.states.includes(state)) group.states.push(state);
  }
  const named = [...groups.values()].map((group) => ({ group, sid: baseSid(group), resources: finalResources(group) }));
  named.sort((a, b) => compare(a.sid, b.sid) || compare(a.group.key, b.group.key) || compare(a.resources.join(), b.resources.join()));
  const sids = uniqueSids(named.map((entry) => entry.sid));
  const statements = named.map(({ group, resources }, index): IamStatement => {
    const statement: IamStatement = { Sid: sids[index], Effect: group.effect, Action: group.actions, Resource: resources };
    if (group.condition) statement.Condition = group.condition;
    return statement;
  });
  const uses = named.map(({ group }, index) => ({ sid: sids[index], states: group.states }));
  return { statements, uses };
}

function addResource(group: Group, resource: ResourceRef): void {
  let labels = group.resources.get(resource.arn);
  if (!labels) {
    labels = new Set();
    group.resources.set(resource.arn, labels);
  }
  const label = resource.label ?? labelOfArn(resource.arn);
  if (label) labels.add(label);
}

function finalResources(group: Group): string[] {
  return group.resources.has('*') ? ['*'] : [...group.resources.keys()].sort();
}

function baseSid(group: Group): string {
  // Needs from different rules that happen to share actions (a nested workflow's and a
  // distributed Map's states:StartExecution) are named after the actions, not after either rule.
  const base = group.bases.size === 1 ? [...group.bases][0] : actionsSid(group.actions);
  const kept = finalResources(group);
  const labels = kept.flatMap((arn) => [...(group.resources.get(arn) ?? [])].sort());
  return statementSid(base, labels);
}

function actionsSid(actions: string[]): string {
  const prefixes = [...new Set(actions.map((action) => action.slice(0, action.indexOf(':'))))];
  const names = actions.map((action) => action.slice(action.indexOf(':') + 1));
  return `${prefixes.map(pascalCase).join('')}${names.join('')}`;
}

function canonicalCondition(condition: IamCondition): IamCondition {
  const sorted: IamCondition = {};
  for (const operator of Object.keys(condition).sort()) {
    sorted[operator] = {};
    for (const key of Object.keys(condition[operator]).sort()) sorted[operator][key] = condition[operator][key];
  }
  return sorted;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
