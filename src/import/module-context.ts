/**
 * Everything one import collects besides the workflow chain: the names it declares (functions,
 * activities, variables, shared fragments), the types it infers, the `statecraft` names it
 * imports, and notes on what it could not express typed.
 */
import type { ts } from 'ts-morph';
import { isIdentifierName } from './code';
import { ShapeNode } from './shape';

export interface DeclaredFunction {
  readonly constName: string;
  readonly arn: string;
  readonly kind: 'lambda' | 'activity';
  readonly output: ShapeNode;
  readonly errors: Set<string>;
}

export interface DeclaredVariable {
  readonly constName: string;
  readonly name: string;
  readonly shape: ShapeNode;
}

/** State shared between the two generation passes: inferred types survive, code is rebuilt. */
export class ImportModel {
  readonly input = new ShapeNode();
  /** The name of the input schema constant. */
  inputSchemaName = 'Input';
  readonly functions = new Map<string, DeclaredFunction>();
  readonly variables = new Map<string, DeclaredVariable>();
  /** Result types declared with `returns<T>()`, by state name. */
  readonly returns = new Map<string, ShapeNode>();
  readonly #names = new Set<string>();

  constructor(reserved: readonly string[]) {
    for (const name of reserved) this.#names.add(name);
  }

  /** A fresh identifier based on `text` (camelCase, unique in the module). */
  uniqueName(text: string, fallback: string): string {
    const words = text.replace(/[^A-Za-z0-9]+/g, ' ').trim().split(/\s+/).filter(Boolean);
    let base = words.map((word, i) => (i === 0 ? word[0].toLowerCase() + word.slice(1) : word[0].toUpperCase() + word.slice(1))).join('');
    if (!base || !isIdentifierName(base) || /^\d/.test(base)) base = fallback + (base && /^\d/.test(base) ? base : '');
    if (!isIdentifierName(base)) base = fallback;
    let name = base;
    for (let i = 2; this.#names.has(name); i++) name = `${base}${i}`;
    this.#names.add(name);
    return name;
  }

  function(kind: 'lambda' | 'activity', arn: string, label: string): DeclaredFunction {
    let declared = this.functions.get(`${kind} ${arn}`);
    if (!declared) {
      declared = { constName: this.uniqueName(label, kind === 'lambda' ? 'fn' : 'activity'), arn, kind, output: new ShapeNode(), errors: new Set() };
      this.functions.set(`${kind} ${arn}`, declared);
    }
    return declared;
  }

  variable(name: string): DeclaredVariable {
    let declared = this.variables.get(name);
    if (!declared) {
      declared = { constName: this.uniqueName(name, 'variable'), name, shape: new ShapeNode() };
      this.variables.set(name, declared);
    }
    return declared;
  }

  readonly #fragmentNames = new Map<string, string>();
  /** State name → constant of the shared fragment that holds it. */
  readonly sharedFragments = new Map<string, string>();

  /** The constant name of a shared fragment for `state` (stable across passes). */
  fragmentName(state: string): string {
    let name = this.#fragmentNames.get(state);
    if (!name) {
      name = this.uniqueName(state, 'fragment');
      this.#fragmentNames.set(state, name);
    }
    return name;
  }

  returnsOf(state: string): ShapeNode {
    let node = this.returns.get(state);
    if (!node) {
      node = new ShapeNode();
      this.returns.set(state, node);
    }
    return node;
  }
}

/** A fragment declared as a module constant (`const failed = fail('Failed')`). */
export interface SharedFragment {
  readonly constName: string;
  readonly initializer: ts.Expression;
}

/** Per-pass collection: imports, shared fragments, notes. */
export class ModuleContext {
  readonly imports = new Set<string>();
  readonly fragments = new Map<string, SharedFragment>();
  readonly notes: string[] = [];

  constructor(readonly model: ImportModel) {}

  use(name: string): string {
    this.imports.add(name);
    return name;
  }

  note(where: string, text: string): void {
    const line = `${where}: ${text}`;
    if (!this.notes.includes(line)) this.notes.push(line);
  }
}
