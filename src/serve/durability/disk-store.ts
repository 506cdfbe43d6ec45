import { createHash } from 'node:crypto';
import { existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import type { Execution } from '../../interpreter/execution/execution';
import type { ExecutionAnswer, ExecutionSnapshot } from '../../interpreter/persistence/snapshot-format';
import type { CatalogData } from '../model/catalog';
import type { ExecutionView } from '../model/finished-execution';
import type { StoredMapRun } from '../model/map-run-view';
import { ExecutionJournal, snapshotFromJournal, type EndedRun, type ExecutionMeta, type JournalRecord } from './execution-journal';
import { JournalFile } from './journal-file';

/** Where the server keeps its state: in memory only, or (with `--data DIR`) on disk as well. */
export interface Persistence {
  saveCatalog(data: CatalogData): void;
  /** Journals a new execution before StartExecution is answered. */
  started(execution: Execution, meta: ExecutionMeta): void;
  /** Journals a redriven run (`view` shows the execution from then on) before RedriveExecution is answered. */
  redriven(view: ExecutionView, execution: Execution): void;
  /** Writes the outside answers an execution received since the last call. */
  sync(execution: ExecutionView): void;
  ended(execution: ExecutionView): void;
}

/** No `--data`: nothing survives the process. */
export const inMemory: Persistence = { saveCatalog() {}, started() {}, redriven() {}, sync() {}, ended() {} };

/** What a data directory held when the server started. */
export interface RecoveredState {
  catalog?: CatalogData;
  /** `earlier`: the ended attempts a redrive went on from, oldest first (empty for an execution never redriven). */
  executions: { path: string; meta: ExecutionMeta; snapshot: ExecutionSnapshot; mapRuns?: StoredMapRun[]; earlier: EndedRun[] }[];
  /** Damage found (a torn journal tail, an unreadable file): reported, the rest still loaded. */
  problems: string[];
}

/**
 * `--data DIR`: `catalog.json` (machines, versions, aliases, activities, tags; replaced atomically
 * on every change) and `executions/<hash>.jsonl` (one append-only journal per execution).
 */
export class DiskStore implements Persistence {
  private readonly journals = new Map<ExecutionView, ExecutionJournal>();

  constructor(readonly dir: string) {
    mkdirSync(join(dir, 'executions'), { recursive: true });
  }

  saveCatalog(data: CatalogData): void {
    const target = join(this.dir, 'catalog.json');
    const temporary = `${target}.tmp`;
    const fd = openSync(temporary, 'w');
    writeSync(fd, JSON.stringify(data));
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temporary, target);
  }

  started(execution: Execution, meta: ExecutionMeta): void {
    this.journals.set(execution, ExecutionJournal.start(this.journalPath(execution.executionArn), execution, meta));
  }

  redriven(view: ExecutionView, execution: Execution): void {
    this.journals.set(view, ExecutionJournal.redrive(this.journalPath(execution.executionArn), execution));
  }

  /**
   * Re-attaches a recovered execution (shown to the API as `view`) to its journal, whose answers
   * were `journaled`. Also when the rebuild ended it (a timer came due while the server was down):
   * its end is then written by {@link ended}, as for any execution.
   */
  resumed(view: ExecutionView, execution: Execution, path: string, journaled: readonly ExecutionAnswer[]): void {
    this.journals.set(view, ExecutionJournal.resume(path, execution, journaled));
  }

  sync(execution: ExecutionView): void {
    this.journals.get(execution)?.sync();
  }

  ended(execution: ExecutionView): void {
    const journal = this.journals.get(execution);
    if (!journal) return;
    journal.end();
    this.journals.delete(execution);
  }

  close(): void {
    for (const journal of this.journals.values()) journal.close();
    this.journals.clear();
  }

  /** Reads everything the directory holds; damaged parts are listed in `problems`. */
  recover(): RecoveredState {
    const problems: string[] = [];
    const state: RecoveredState = { executions: [], problems };
    const catalogPath = join(this.dir, 'catalog.json');
    if (existsSync(catalogPath)) {
      try {
        state.catalog = JSON.parse(readFileSync(catalogPath, 'utf8')) as CatalogData;
      } catch (error) {
        problems.push(`${catalogPath} is unreadable (${(error as Error).message}); state machines, activities and tags were not loaded`);
      }
    }
    const executionsDir = join(this.dir, 'executions');
    for (const file of readdirSync(executionsDir).filter((f) => f.endsWith('.jsonl')).sort()) {
      const path = join(executionsDir, file);
      const { records, damage } = JournalFile.read(path);
      if (damage) problems.push(damage);
      const recovered = snapshotFromJournal(records as JournalRecord[]);
      if (!recovered) {
        problems.push(`${path} has no intact start record; the execution was not loaded`);
        continue;
      }
      state.executions.push({ path, ...recovered });
    }
    return state;
  }

  journalPath(executionArn: string): string {
    return join(this.dir, 'executions', `${createHash('sha256').update(executionArn).digest('hex').slice(0, 32)}.jsonl`);
  }
}
