import { pathProblem } from '../../asl/validate';
import type { PathField } from '../../dsl/ast/states';
import type { PathNode, PathRoot, PathSegment, RawPathNode } from '../../dsl/ast/value';
import { jsonataPathOf, jsonPathOf } from './render-path';
import { report, type StateEmitContext } from './state-context';

/**
 * What a field can read. In JSONPath, `dollar` is what `$` means there (the input, the result or
 * the error output); in JSONata, `roots` lists the `$states` members available.
 */
export interface FieldScope {
  /** DSL option name, for messages. */
  readonly field: string;
  readonly dollar: PathRoot | undefined;
  readonly roots: readonly PathRoot[];
  /** Paths into the input are relative to the state's InputPath (Parameters, ItemsPath, Choice, ...). */
  readonly afterInputPath?: boolean;
  /** `ctx.Map.Item` is readable (a Map's itemSelector). */
  readonly mapItem?: boolean;
  /** Only a reference path is valid here (ResultPath, ItemsPath, Choice Variable, `...Path` fields). */
  readonly referenceOnly?: boolean;
}

const ROOT_DESCRIPTION: Record<PathRoot, string> = {
  input: 'the state input',
  result: 'the task result',
  errorOutput: 'the error output',
  context: 'the context object',
  variable: 'variables',
};

/** Renders a path for `scope` in the context's language, reporting what it cannot read. */
export function renderPath(node: PathNode | RawPathNode, scope: FieldScope, context: StateEmitContext): string {
  if (node.kind === 'rawPath') return renderRawPath(node, scope, context);
  checkContextPath(node, scope, context);
  if (context.language === 'JSONata') {
    if (node.root !== 'context' && node.root !== 'variable' && !scope.roots.includes(node.root)) {
      report(context, scope.field, `${scope.field} cannot read ${ROOT_DESCRIPTION[node.root]} here; it can read ${describeRoots(scope)}.`);
    }
    return jsonataPathOf(node);
  }
  if (node.root === 'context' || node.root === 'variable') return jsonPathOf(node);
  if (node.root !== scope.dollar) {
    report(
      context,
      scope.field,
      `In a JSONPath ${context.state.kind} state, ${scope.field} reads ${scope.dollar ? ROOT_DESCRIPTION[scope.dollar] : 'no data'} as '$', so it cannot read ${ROOT_DESCRIPTION[node.root]}. Use the ${scope.dollar ?? 'documented'} selector, or switch the state to JSONata (queryLanguage: 'JSONata').`,
    );
    return jsonPathOf(node);
  }
  const segments = node.root === 'input' && scope.afterInputPath ? relativeToInputPath(node, scope, context) : node.segments;
  return jsonPathOf(node, segments);
}

function relativeToInputPath(node: PathNode, scope: FieldScope, context: StateEmitContext): readonly PathSegment[] {
  const inputPath = context.state.inputPath;
  if (inputPath === undefined) return node.segments;
  if (inputPath === null) {
    report(context, scope.field, `${scope.field} reads the input, but inputPath is null (the state receives {}). Remove one of them.`);
    return node.segments;
  }
  if (inputPath.kind === 'rawPath') {
    report(context, scope.field, `${scope.field} reads the input through a hand-written inputPath ('${inputPath.path}'), so its paths cannot be checked. Write inputPath as a selector (s => s.order).`);
    return node.segments;
  }
  const prefix = inputPath.segments;
  const inside = prefix.length <= node.segments.length && prefix.every((segment, i) => node.segments[i] === segment);
  if (!inside) {
    report(context, scope.field, `${scope.field} reads ${jsonPathOf(node)}, outside inputPath ${jsonPathOf(inputPath)}: after InputPath only that part of the input exists. Read inside it or drop inputPath.`);
    return node.segments;
  }
  return node.segments.slice(prefix.length);
}

function checkContextPath(node: PathNode, scope: FieldScope, context: StateEmitContext): void {
  if (node.root !== 'context') return;
  const [first, second] = node.segments;
  if (first === 'Task' && second === 'Token') {
    const state = context.state;
    if (state.kind !== 'Task' || state.resource.pattern !== 'waitForTaskToken' || scope.field !== 'payload') {
      report(context, scope.field, `The task token ($$.Task.Token) exists only in the request of a .waitForTaskToken task. Use a .waitForTaskToken integration, or remove the token.`);
    }
  }
  if (first === 'Map' && !scope.mapItem) {
    report(context, scope.field, `$$.Map.Item is only available in a Map state's itemSelector. Pass the item into the iteration through itemSelector.`);
  }
}

function renderRawPath(node: RawPathNode, scope: FieldScope, context: StateEmitContext): string {
  if (context.language === 'JSONata') {
    report(context, scope.field, `jsonPath('${node.path}') is JSONPath; this state uses JSONata. Use a selector or jsonata\`...\` instead.`, node.source);
    return node.path;
  }
  const problem = jsonPathProblem(node.path, scope.referenceOnly ?? false);
  if (problem) report(context, scope.field, problem, node.source);
  return node.path;
}

/** Why a hand-written JSONPath is invalid for a field, or `undefined` (the shared validator's path rules). */
export function jsonPathProblem(path: string, referenceOnly: boolean): string | undefined {
  const problem = pathProblem(path, { reference: referenceOnly, context: true, variables: true });
  if (!problem) return undefined;
  return `'${path}' is not a ${referenceOnly ? 'reference path' : 'valid JSONPath'}: ${problem}.`;
}

/** Renders InputPath/OutputPath. */
export function renderPathField(field: PathField, name: string, context: StateEmitContext): string | null {
  if (field === null) return null;
  return renderPath(field, { field: name, dollar: 'input', roots: ['input'] }, context);
}

function describeRoots(scope: FieldScope): string {
  return [...scope.roots.map((root) => ROOT_DESCRIPTION[root]), 'the context object', 'variables'].join(', ');
}
