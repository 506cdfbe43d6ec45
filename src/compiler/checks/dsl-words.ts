/**
 * The one table from ASL fields to the DSL words a workflow author wrote. The validator owns every
 * ASL rule and speaks ASL (`Retry[0].BackoffRate`); the compiler translates its diagnostics with
 * this table so the author reads `.retry(…, { backoffRate })` and the builder call's `file:line`.
 */
import type { ErrorHandling, StateNode } from '../../dsl/ast/states';

/** A state's ASL field → the DSL option that sets it. */
export const STATE_FIELD_WORDS: Readonly<Record<string, string>> = {
  Resource: 'integration',
  Parameters: 'parameters',
  Arguments: 'payload',
  TimeoutSeconds: 'timeoutSeconds',
  TimeoutSecondsPath: 'timeoutSeconds',
  HeartbeatSeconds: 'heartbeatSeconds',
  HeartbeatSecondsPath: 'heartbeatSeconds',
  Credentials: 'credentials',
  Seconds: 'seconds',
  SecondsPath: 'seconds',
  Timestamp: 'timestamp',
  TimestampPath: 'timestamp',
  InputPath: 'inputPath',
  OutputPath: 'outputPath',
  ResultPath: 'resultPath',
  ResultSelector: 'resultSelector',
  Result: 'result',
  Output: 'output',
  Assign: 'assign',
  Comment: 'comment',
  QueryLanguage: 'queryLanguage',
  Error: 'error',
  ErrorPath: 'error',
  Cause: 'cause',
  CausePath: 'cause',
  Branches: 'branches',
  ItemProcessor: 'processor',
  Iterator: 'processor',
  ItemSelector: 'itemSelector',
  ItemsPath: 'items',
  Items: 'items',
  ItemReader: 'itemReader',
  ItemBatcher: 'itemBatcher',
  ResultWriter: 'resultWriter',
  MaxConcurrency: 'maxConcurrency',
  MaxConcurrencyPath: 'maxConcurrency',
  ToleratedFailurePercentage: 'toleratedFailurePercentage',
  ToleratedFailurePercentagePath: 'toleratedFailurePercentage',
  ToleratedFailureCount: 'toleratedFailureCount',
  ToleratedFailureCountPath: 'toleratedFailureCount',
  Label: 'label',
  Choices: 'when',
  Default: 'otherwise',
  Next: 'next',
};

/** A retrier's ASL field → its `.retry(errors, { … })` option. */
export const RETRIER_FIELD_WORDS: Readonly<Record<string, string>> = {
  IntervalSeconds: 'intervalSeconds',
  MaxAttempts: 'maxAttempts',
  BackoffRate: 'backoffRate',
  MaxDelaySeconds: 'maxDelaySeconds',
  JitterStrategy: 'jitter',
  Comment: 'comment',
};

/** A catcher's ASL field → its `.catch(errors, handler, { … })` option. */
export const CATCHER_FIELD_WORDS: Readonly<Record<string, string>> = {
  ResultPath: 'resultPath',
  Output: 'output',
  Assign: 'assign',
  Comment: 'comment',
  Next: 'handler',
};

/** Where an ASL diagnostic lands in the DSL: the option's name, how to call it, and the call's `file:line`. */
export interface DslLocation {
  /** `heartbeatSeconds`, `Retry[0].backoffRate`, `Retry[0]` (its error list), `Parameters.x.$` (inside a template). */
  field?: string;
  /** How the author wrote it: `{ heartbeatSeconds }`, `.retry(…, { backoffRate })`, `.retry([…])`. */
  call?: string;
  /** `file:line` of a retrier/catcher's own call, when the diagnostic is about one. */
  source?: string;
}

/**
 * Translates the path of an ASL diagnostic inside a state (`['Retry', '0', 'BackoffRate']`) into
 * the DSL option the author wrote.
 *
 * @example
 * dslLocation(['Retry', '0', 'BackoffRate'], node); // { field: 'Retry[0].backoffRate', call: '.retry(…, { backoffRate })', source: 'flow.ts:12' }
 * dslLocation(['HeartbeatSeconds'], node); // { field: 'heartbeatSeconds', call: '{ heartbeatSeconds }' }
 */
export function dslLocation(path: readonly string[], node: StateNode | undefined): DslLocation {
  const [head, index, member, ...rest] = path;
  if (head === undefined) return {};
  if ((head === 'Retry' || head === 'Catch') && index !== undefined && /^\d+$/.test(index)) {
    const retry = head === 'Retry';
    const handler = handlerOf(node, retry ? 'retry' : 'catch', Number(index));
    const verb = retry ? '.retry' : '.catch';
    const base = `${head}[${index}]`;
    const source = handler?.source;
    if (member === undefined || member === 'ErrorEquals') return { field: base, call: `${verb}([…])`, ...(source && { source }) };
    const words = retry ? RETRIER_FIELD_WORDS : CATCHER_FIELD_WORDS;
    const word = Object.hasOwn(words, member) ? words[member] : member;
    const tail = rest.length > 0 ? `.${rest.join('.')}` : '';
    return { field: `${base}.${word}${tail}`, call: retry ? `.retry(…, { ${word} })` : `.catch(…, …, { ${word} })`, ...(source && { source }) };
  }
  const word = Object.hasOwn(STATE_FIELD_WORDS, head) ? STATE_FIELD_WORDS[head] : undefined;
  // Inside a template (`Parameters.x.$`) the ASL member path is what locates the value.
  if (path.length > 1 && (head === 'Parameters' || head === 'Arguments' || head === 'Output' || head === 'Assign' || head === 'ResultSelector' || head === 'ItemSelector')) {
    return { field: path.join('.'), ...(word && { call: `{ ${word} }` }) };
  }
  return word ? { field: word, call: `{ ${word} }` } : { field: path.join('.') };
}

function handlerOf(node: StateNode | undefined, kind: 'retry' | 'catch', index: number): { source: string } | undefined {
  const handlers = (node as (StateNode & Partial<ErrorHandling>) | undefined)?.[kind];
  return Array.isArray(handlers) ? (handlers[index] as { source: string } | undefined) : undefined;
}

/** Replaces the ASL field names quoted in a validator message with the DSL words (`'HeartbeatSeconds'` → `heartbeatSeconds`). */
export function inDslWords(message: string): string {
  return message.replace(/'([A-Z][A-Za-z]*)'/g, (quoted, name: string) => {
    // `SecondsPath` and `Seconds` are one DSL option; a message naming both keeps the ASL names.
    if (name.endsWith('Path') && !DSL_PATH_OPTIONS.has(name)) return quoted;
    return Object.hasOwn(STATE_FIELD_WORDS, name) ? STATE_FIELD_WORDS[name] : Object.hasOwn(RETRIER_FIELD_WORDS, name) ? RETRIER_FIELD_WORDS[name] : quoted;
  });
}

const DSL_PATH_OPTIONS = new Set(['InputPath', 'OutputPath', 'ResultPath', 'ItemsPath']);
