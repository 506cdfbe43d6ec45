/**
 * The round-trip corpus: every distinct definition the validator accepts among the conformance
 * cases (executions and TestState states, a lone state wrapped into a one-state machine) and the
 * examples' `generated/*.asl.json`. Missing conformance files are skipped (with a note).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateDefinition } from '../../src/asl/validate';
import { CONFORMANCE_DIR } from '../../src/conformance/cases';

export interface CorpusEntry {
  readonly id: string;
  readonly feature: string;
  readonly definition: Record<string, unknown>;
  readonly stateMachineType: 'STANDARD' | 'EXPRESS';
}

const GENERATED = fileURLToPath(new URL('../../generated/', import.meta.url));

export function loadCorpus(): { entries: CorpusEntry[]; skipped: string[] } {
  const entries: CorpusEntry[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const add = (id: string, feature: string, definition: unknown, type: 'STANDARD' | 'EXPRESS' = 'STANDARD') => {
    if (!definition || typeof definition !== 'object') return;
    let machine = definition as Record<string, unknown>;
    if (!('States' in machine)) machine = { StartAt: 'State', States: { State: machine } };
    const key = `${type} ${JSON.stringify(machine)}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (validateDefinition(machine, { stateMachineType: type }).some((d) => d.severity === 'error')) return;
    entries.push({ id, feature, definition: machine, stateMachineType: type });
  };
  for (const file of ['executions.jsonl', 'test-state.jsonl']) {
    const path = join(CONFORMANCE_DIR, file);
    if (!existsSync(path)) {
      skipped.push(`${path} (absent)`);
      continue;
    }
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const c = JSON.parse(line) as { id: string; feature: string; definition: unknown; stateMachineType?: 'STANDARD' | 'EXPRESS' };
      add(c.id, c.feature, c.definition, c.stateMachineType ?? 'STANDARD');
    }
  }
  if (existsSync(GENERATED)) {
    for (const file of readdirSync(GENERATED).filter((name) => name.endsWith('.asl.json')).sort()) {
      add(`generated/${file}`, 'examples', JSON.parse(readFileSync(join(GENERATED, file), 'utf8')));
    }
  }
  return { entries, skipped };
}
