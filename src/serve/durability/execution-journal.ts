import type { Execution } from '../../interpreter/execution/execution';
import type { ExecutionAnswer, ExecutionSnapshot } from '../../interpreter/persistence/snapshot-format';
import { storeMapRuns, type StoredMapRun } from '../model/map-run-view';
import { JournalFile } from './journal-file';

/** What the API knows of an execution beyond its snapshot. */
export interface ExecutionMeta {
  stateMachineArn: string;
  versionArn?: string;
  aliasArn?: string;
  inputText: string;
  type: 'STANDARD' | 'EXPRESS';
  /** `#TestCase` of the MockConfigFile, when the caller chose one. */
  testCase?: string;
  /** The definition text the execution runs, as the caller wrote it (DescribeStateMachineForExecution). */
  definitionText: string;
  roleArn: string;
  /** The machine's revision the execution runs. */
  revisionId: string;
}

/** The records of one execution's journal, in the order they are written. */
export type JournalRecord =
  /** Written before StartExecution is answered: enough to run the execution again from its start. */
  | { kind: 'start'; meta: ExecutionMeta; snapshot: ExecutionSnapshot }
  /** The `index`-th outside answer (written again if it changed, e.g. an async mock that settled later). */
  | { kind: 'answer'; index: number; answer: ExecutionAnswer }
  /** Written when the execution ended: the whole snapshot (history included), so it loads without surprises. */
  | { kind: 'end'; snapshot: ExecutionSnapshot; mapRuns?: StoredMapRun[] }
  /** Written before RedriveExecution is answered, after the end of the attempt it redrives: the redriven run's start (its answers follow). */
  | { kind: 'redrive'; snapshot: ExecutionSnapshot };

/**
 * One execution's append-only journal. `sync()` appends the answers that arrived since the last
 * call (each as one line, flushed to disk before it returns); the server calls it before it
 * acknowledges any call that gave the execution an answer (SendTask*, StopExecution,
 * GetActivityTask), and as soon as a mock answers.
 */
export class ExecutionJournal {
  /** JSON of each answer as last written, by index. */
  private readonly written: string[] = [];
  private ended = false;
  /** Answers below this index are written and can no longer change. */
  private settled = 0;

  private constructor(
    private readonly file: JournalFile,
    private readonly execution: Execution,
  ) {}

  /** Creates the journal and writes its start record. */
  static start(path: string, execution: Execution, meta: ExecutionMeta): ExecutionJournal {
    const journal = new ExecutionJournal(JournalFile.open(path), execution);
    const snapshot = execution.snapshot();
    journal.file.append({ kind: 'start', meta, snapshot: { ...snapshot, answers: [], history: [] } } satisfies JournalRecord);
    journal.sync();
    return journal;
  }

  /** Appends a redriven run's start to the journal of the execution it redrives. */
  static redrive(path: string, execution: Execution): ExecutionJournal {
    const journal = new ExecutionJournal(JournalFile.open(path), execution);
    journal.file.append({ kind: 'redrive', snapshot: { ...execution.snapshot(), answers: [], history: [] } } satisfies JournalRecord);
    journal.sync();
    return journal;
  }

  /**
   * Continues the journal of a recovered execution: `journaled` are the answers the file holds
   * (the replay recorded them again, at the same indexes). What the execution received after them
   * while it was rebuilt (a mock asked after a timer that came due while the server was down) is
   * written now: marked written unseen, it was lost at the next restart.
   */
  static resume(path: string, execution: Execution, journaled: readonly ExecutionAnswer[]): ExecutionJournal {
    const journal = new ExecutionJournal(JournalFile.open(path), execution);
    for (const answer of journaled) journal.written.push(JSON.stringify(answer));
    journal.sync();
    return journal;
  }

  /** Appends every answer that is new or changed since the last call. Cheap when nothing changed. */
  sync(): void {
    if (this.ended) return;
    const answers = this.execution.recordedAnswers();
    const records: JournalRecord[] = [];
    let settled = this.settled;
    for (let i = this.settled; i < answers.length; i++) {
      const answer = answers[i];
      // Only a mock answer changes after it is recorded (an async mock settles later); the rest are final.
      const final = answer.kind !== 'mock' || answer.outcome !== undefined;
      if (final && settled === i) settled = i + 1;
      const json = JSON.stringify(answer);
      if (this.written[i] === json) continue;
      this.written[i] = json;
      records.push({ kind: 'answer', index: i, answer: JSON.parse(json) as ExecutionAnswer });
    }
    this.settled = settled;
    this.file.append(...records);
  }

  /** Writes the end record and closes the file. */
  end(): void {
    if (this.ended) return;
    this.sync();
    const mapRuns = this.execution.mapRuns();
    this.file.append({ kind: 'end', snapshot: this.execution.snapshot(), ...(mapRuns.length > 0 ? { mapRuns: storeMapRuns(mapRuns) } : {}) } satisfies JournalRecord);
    this.ended = true;
    this.file.close();
  }

  close(): void {
    this.ended = true;
    this.file.close();
  }
}

/**
 * Rebuilds the snapshot to resume from a journal's records: the end snapshot when the execution
 * finished, else the start record with every journaled answer (history left empty: the replay
 * runs until it has delivered them all, then goes on live).
 */
/** An attempt that ended, as its end record has it. */
export interface EndedRun {
  snapshot: ExecutionSnapshot;
  mapRuns?: StoredMapRun[];
}

export function snapshotFromJournal(records: JournalRecord[]): { meta: ExecutionMeta; snapshot: ExecutionSnapshot; mapRuns?: StoredMapRun[]; earlier: EndedRun[] } | undefined {
  const first = records[0];
  if (!first || first.kind !== 'start') return undefined;
  // Each redrive starts a new run after the end of the one before: the last run is the one to load.
  const earlier: EndedRun[] = [];
  let begin = 0;
  for (let i = 1; i < records.length; i++) {
    const record = records[i];
    if (record.kind !== 'redrive') continue;
    const ended = records.slice(begin, i).find((r): r is Extract<JournalRecord, { kind: 'end' }> => r.kind === 'end');
    if (!ended) break;
    earlier.push({ snapshot: ended.snapshot, mapRuns: ended.mapRuns });
    begin = i;
  }
  const run = records.slice(begin);
  const start = { meta: first.meta, snapshot: (run[0] as Extract<JournalRecord, { kind: 'start' | 'redrive' }>).snapshot };
  const end = run.find((r): r is Extract<JournalRecord, { kind: 'end' }> => r.kind === 'end');
  if (end) return { meta: start.meta, snapshot: end.snapshot, mapRuns: end.mapRuns, earlier };
  return { ...runningSnapshot(start, run), earlier };
}

function runningSnapshot(start: { meta: ExecutionMeta; snapshot: ExecutionSnapshot }, records: JournalRecord[]): { meta: ExecutionMeta; snapshot: ExecutionSnapshot } {
  const answers: ExecutionAnswer[] = [];
  for (const record of records) if (record.kind === 'answer') answers[record.index] = record.answer;
  const present = answers.filter((a) => a !== undefined);
  // Timed answers, and async mock answers that arrived later than their call, say when they came.
  const lastTimed = present.flatMap((a) => ('at' in a && a.at !== undefined ? [a.at] : []));
  const clockNow = [start.snapshot.clockNow, ...lastTimed].sort().at(-1)!;
  return { meta: start.meta, snapshot: { ...start.snapshot, answers: present, history: [], clockNow, status: 'RUNNING' } };
}
