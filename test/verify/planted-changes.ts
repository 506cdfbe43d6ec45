/**
 * The planted-change suite: one behaviour change of each kind the issue names (a literal in a
 * Task's parameters, a Retry's MaxAttempts, a Choice rule's target swapped with the Default, a
 * dropped Catch, a Pass Result), and the refactors that must not count (renamed states, reordered
 * keys). Used by `npm run verify:measure` and, on a bounded sample, by the tests.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Json, State, StateMachineDefinition } from '../../src/asl/types';
import { validateDefinition } from '../../src/asl/validate';
import { EXECUTIONS_FILE } from '../../src/conformance/cases';
import { walkStates } from '../../src/asl/walk';

export type ChangeKind = 'task-parameter-literal' | 'retry-max-attempts' | 'choice-target-swapped-with-default' | 'dropped-catch' | 'pass-result';
export const CHANGE_KINDS: ChangeKind[] = ['task-parameter-literal', 'retry-max-attempts', 'choice-target-swapped-with-default', 'dropped-catch', 'pass-result'];

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The recorded executions (found by the conformance loader; absent in a checkout without them). */
export const CONFORMANCE_FILE = EXECUTIONS_FILE;

export interface Subject {
  name: string;
  definition: StateMachineDefinition;
  type: 'STANDARD' | 'EXPRESS';
}

const valid = (d: unknown, type: Subject['type']) => !validateDefinition(d, { stateMachineType: type }).some((p) => p.severity === 'error');

/** The examples (generated/*.asl.json) and the distinct conformance definitions (when the recordings are there). */
export function loadSubjects(): { subjects: Subject[]; conformanceFound: boolean } {
  const subjects: Subject[] = [];
  const seen = new Set<string>();
  const add = (name: string, definition: StateMachineDefinition, type: Subject['type']) => {
    const key = JSON.stringify(definition);
    if (seen.has(key) || !valid(definition, type)) return;
    seen.add(key);
    subjects.push({ name, definition, type });
  };
  const generated = join(REPO, 'generated');
  for (const file of readdirSync(generated).filter((f) => f.endsWith('.asl.json')).sort()) {
    add(`example ${file.replace('.asl.json', '')}`, JSON.parse(readFileSync(join(generated, file), 'utf8')), 'STANDARD');
  }
  const conformanceFound = existsSync(CONFORMANCE_FILE);
  if (conformanceFound) {
    for (const line of readFileSync(CONFORMANCE_FILE, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const c = JSON.parse(line) as { id: string; definition: StateMachineDefinition; stateMachineType: Subject['type'] };
      add(`conformance ${c.id}`, c.definition, c.stateMachineType ?? 'STANDARD');
    }
  }
  return { subjects, conformanceFound };
}

type AnyState = State & Record<string, unknown>;

function statesOf(definition: StateMachineDefinition): [string, AnyState][] {
  const out: [string, AnyState][] = [];
  walkStates(definition, ({ name, state }) => out.push([name, state as AnyState]));
  return out;
}

function changeLiteral(template: Json): boolean {
  if (!template || typeof template !== 'object' || Array.isArray(template)) return false;
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith('.$')) continue;
    if (typeof value === 'string' && !value.startsWith('{%')) {
      (template as Record<string, Json>)[key] = `${value}-changed`;
      return true;
    }
    if (typeof value === 'number') {
      (template as Record<string, Json>)[key] = value + 1;
      return true;
    }
    if (typeof value === 'boolean') {
      (template as Record<string, Json>)[key] = !value;
      return true;
    }
    if (value && typeof value === 'object' && changeLiteral(value)) return true;
  }
  return false;
}

/** Plants one change of `kind`; `undefined` when the definition has no place for it (or the change would be invalid ASL). */
export function plantChange(subject: Subject, kind: ChangeKind): { definition: StateMachineDefinition; where: string } | undefined {
  const definition = structuredClone(subject.definition);
  for (const [name, state] of statesOf(definition)) {
    const snapshot = JSON.stringify(definition);
    let where: string | undefined;
    if (kind === 'task-parameter-literal' && state.Type === 'Task') {
      const template = (state.Parameters ?? state.Arguments) as Json;
      if (changeLiteral(template)) where = `${name}.Parameters`;
    } else if (kind === 'retry-max-attempts' && Array.isArray(state.Retry) && state.Retry.length > 0) {
      const r = state.Retry[0] as { MaxAttempts?: number };
      r.MaxAttempts = (r.MaxAttempts ?? 3) === 0 ? 1 : (r.MaxAttempts ?? 3) + 1;
      where = `${name}.Retry[0].MaxAttempts`;
    } else if (kind === 'choice-target-swapped-with-default' && state.Type === 'Choice' && state.Default !== undefined) {
      const rule = state.Choices.find((c) => c.Next !== state.Default);
      if (rule) {
        const target = rule.Next as string;
        rule.Next = state.Default;
        state.Default = target;
        where = `${name}.Choices/Default`;
      }
    } else if (kind === 'dropped-catch' && Array.isArray(state.Catch) && state.Catch.length > 0) {
      state.Catch.splice(0, 1);
      if (state.Catch.length === 0) delete state.Catch;
      where = `${name}.Catch[0]`;
    } else if (kind === 'pass-result' && state.Type === 'Pass' && state.Result !== undefined) {
      state.Result = { planted: state.Result } as Json;
      where = `${name}.Result`;
    }
    if (where !== undefined) {
      if (valid(definition, subject.type)) return { definition, where };
      Object.assign(definition, JSON.parse(snapshot)); // invalid (e.g. a state became unreachable): try the next state
    }
  }
  return undefined;
}

/** Every state renamed (`Name` → `Renamed Name`), everywhere it is referenced. */
export function renameStates(definition: StateMachineDefinition): StateMachineDefinition {
  const names = new Set(statesOf(definition).map(([n]) => n));
  const rename = (n: string) => (names.has(n) ? `Renamed ${n}` : n);
  const walk = (machine: { StartAt: string; States: Record<string, AnyState> }) => {
    machine.StartAt = rename(machine.StartAt);
    machine.States = Object.fromEntries(
      Object.entries(machine.States).map(([n, s]) => {
        if (typeof s.Next === 'string') s.Next = rename(s.Next);
        if (s.Type === 'Choice') {
          for (const c of s.Choices) if (typeof c.Next === 'string') c.Next = rename(c.Next);
          if (s.Default !== undefined) s.Default = rename(s.Default);
        }
        for (const c of (s.Catch as { Next: string }[] | undefined) ?? []) c.Next = rename(c.Next);
        for (const b of (s.Branches as never[] | undefined) ?? []) walk(b);
        const processor = (s.ItemProcessor ?? s.Iterator) as never;
        if (processor) walk(processor);
        return [rename(n), s];
      }),
    );
  };
  const copy = structuredClone(definition);
  walk(copy as never);
  return copy;
}

/** Every object's keys in reverse order (same JSON value). */
export function reorderKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reorderKeys) as T;
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorderKeys(v)])) as T;
}

/** Renaming changes behaviour on purpose when the definition reads state names (`$$.State.Name`). */
export function readsStateNames(definition: StateMachineDefinition): boolean {
  return /\$\$\.State\.Name|\$states\.context\.State\.Name|\$\$\.State\b|\$states\.context\.State\b|"\$\$"|\$states\.context[^.]/.test(JSON.stringify(definition));
}
