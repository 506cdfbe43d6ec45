/**
 * Regular expressions from definitions, run with a bounded time. V8 runs most patterns in linear
 * time once they backtrack too much (the flag set in `budget.ts`), but not patterns with
 * back-references (`\1`, `\k<name>`) or look-arounds (`(?=`, `(?!`, `(?<=`, `(?<!`): measured,
 * `/(a+)+\1$/` against 22 `a`s and a `!` took 584 ms and doubles with every further character, and
 * a regular expression cannot be interrupted on the thread that runs it. Those patterns keep their
 * full JavaScript semantics (AWS's engine supports back-references and look-arounds too) but run
 * on a worker thread: the caller waits synchronously (`Atomics.wait`) at most the budget, and a
 * match that overruns is abandoned (the worker is terminated) and reported as
 * `States.QueryEvaluationError` naming the limit.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { REGEX_BUDGET_CODE, timeLimits } from './budget';

/**
 * Back-references and look-arounds, outside character classes: the constructs V8's linear-time
 * engine cannot run. Conservative: an escaped `\(` or a class never counts, anything else that
 * looks like one does (a false positive only costs a worker round trip).
 */
export function needsBacktracking(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      const next = source[i + 1];
      if (!inClass && next !== undefined && (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<'))) return true;
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') inClass = true;
    else if (ch === '(' && source[i + 1] === '?' && (source[i + 2] === '=' || source[i + 2] === '!' || (source[i + 2] === '<' && (source[i + 3] === '=' || source[i + 3] === '!')))) return true;
  }
  return false;
}

/** What the worker answers for one `exec`. */
interface WorkerAnswer {
  match: (string | undefined)[] | null;
  index: number;
  lastIndex: number;
  groups?: Record<string, string | undefined>;
  error?: string;
}

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { port, flag } = workerData;
const cells = new Int32Array(flag);
// Ready: the thread has started (its start-up time is not the pattern's).
Atomics.store(cells, 1, 1);
Atomics.notify(cells, 1);
port.on('message', ({ source, flags, text, lastIndex }) => {
  let answer;
  try {
    const re = new RegExp(source, flags);
    re.lastIndex = lastIndex;
    const m = re.exec(text);
    answer = m ? { match: Array.from(m), index: m.index, lastIndex: re.lastIndex, groups: m.groups } : { match: null, index: -1, lastIndex: re.lastIndex };
  } catch (e) {
    answer = { match: null, index: -1, lastIndex: 0, error: String(e && e.message || e) };
  }
  port.postMessage(answer);
  Atomics.store(cells, 0, 1);
  Atomics.notify(cells, 0);
});
`;

/** How long the worker may take to start before the first pattern's budget starts anyway. */
const WORKER_START_MS = 10_000;

/** The one worker that runs backtracking patterns (started on first use, replaced after a timeout). */
let runner: { worker: Worker; port: MessagePort; cells: Int32Array } | undefined;

function startRunner(): NonNullable<typeof runner> {
  const { port1, port2 } = new MessageChannel();
  // Cell 0: an answer is ready; cell 1: the worker has started.
  const flag = new SharedArrayBuffer(8);
  const cells = new Int32Array(flag);
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: port2, flag }, transferList: [port2] });
  // An idle worker must not keep the process alive.
  worker.unref();
  port1.unref();
  // Starting a thread takes tens of milliseconds (more on a busy machine): waited for here, outside any pattern's budget.
  Atomics.wait(cells, 1, 0, WORKER_START_MS);
  return { worker, port: port1, cells };
}

/** Runs `regex.exec(text)` from `lastIndex` on the worker, waiting at most `milliseconds`; undefined when it overran. */
function execOnWorker(regex: RegExp, text: string, lastIndex: number, milliseconds: number): WorkerAnswer | undefined {
  runner ??= startRunner();
  const { port, cells, worker } = runner;
  Atomics.store(cells, 0, 0);
  port.postMessage({ source: regex.source, flags: regex.flags, text, lastIndex });
  if (Atomics.wait(cells, 0, 0, Math.max(1, milliseconds)) === 'timed-out') {
    // The match may run for minutes: abandon it with its thread.
    void worker.terminate();
    runner = undefined;
    return undefined;
  }
  const received = receiveMessageOnPort(port);
  return received?.message as WorkerAnswer | undefined;
}

/** The error an overrunning match raises (a JSONata-style error object, like its own budget errors). */
function budgetError(regex: RegExp): { code: string; message: string; value: string } {
  return {
    code: REGEX_BUDGET_CODE,
    message: `The regular expression /${regex.source}/ exceeded the time limit of ${timeLimits().regexMilliseconds} ms`,
    value: regex.source,
  };
}

/**
 * A `RegExp` stand-in (`lastIndex`, `exec`) for a pattern that needs backtracking: every `exec` of
 * one instance (one `$match`/`$replace`/`$split`/`$contains` call, or one filter) shares the time
 * limit (`timeLimits().regexMilliseconds`, by default `JSONATA_BUDGET.regexMilliseconds`).
 */
export class WorkerRegExp {
  lastIndex = 0;
  private spent = 0;

  constructor(private readonly regex: RegExp) {}

  get source(): string {
    return this.regex.source;
  }

  get flags(): string {
    return this.regex.flags;
  }

  get global(): boolean {
    return this.regex.global;
  }

  exec(text: string): RegExpExecArray | null {
    const started = performance.now();
    const answer = execOnWorker(this.regex, String(text), this.lastIndex, timeLimits().regexMilliseconds - this.spent);
    this.spent += performance.now() - started;
    if (answer === undefined) throw budgetError(this.regex);
    if (answer.error !== undefined) throw new Error(answer.error);
    this.lastIndex = answer.lastIndex;
    if (answer.match === null) return null;
    const result = Object.assign([...answer.match], { index: answer.index, input: String(text), groups: answer.groups }) as RegExpExecArray;
    return result;
  }

  test(text: string): boolean {
    return this.exec(text) !== null;
  }
}

/**
 * JSONata's `RegexEngine` option: `new BoundedRegexEngine(re)` is `re` itself when V8 can run it
 * in linear time, else a {@link WorkerRegExp}.
 *
 * @example
 * jsonata('$match(s, /(a+)+\\1$/)', { RegexEngine: BoundedRegexEngine });
 */
export const BoundedRegexEngine = function BoundedRegexEngine(regex: RegExp): RegExp | WorkerRegExp {
  const copy = new RegExp(regex.source, regex.flags);
  return needsBacktracking(regex.source) ? new WorkerRegExp(copy) : copy;
} as unknown as RegExpConstructor;

/**
 * Tests `regex` against `text` within the budget (JSONPath filters' `=~`). Throws the budget error
 * object when a backtracking pattern overruns.
 *
 * @example
 * boundedTest(/^(a+)\1$/, 'aaaa'); // true
 */
export function boundedTest(regex: RegExp, text: string): boolean {
  if (!needsBacktracking(regex.source)) {
    regex.lastIndex = 0;
    return regex.test(text);
  }
  return new WorkerRegExp(regex).test(text);
}
