import type { HistoryEvent } from '../../../interpreter';

export interface Palette {
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  bold(text: string): string;
}

const plain: Palette = { dim: (t) => t, green: (t) => t, red: (t) => t, yellow: (t) => t, bold: (t) => t };
const ansi = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
const colours: Palette = { dim: ansi(2), green: ansi(32), red: ansi(31), yellow: ansi(33), bold: ansi(1) };

export function palette(colour: boolean): Palette {
  return colour ? colours : plain;
}

/**
 * A readable history: one line per event that matters to a reader, with the virtual time elapsed
 * since the start, the state, and the data (truncated).
 */
export function formatHistory(events: readonly HistoryEvent[], p: Palette): string[] {
  if (events.length === 0) return [];
  const start = events[0].timestamp!.getTime();
  const depth = new Map<number, number>();
  const lines: string[] = [];
  const types = new Map<number, string>();
  for (const event of events) {
    const type = String(event.type);
    const previous = event.previousEventId ? types.get(event.previousEventId) : undefined;
    const inherited = event.previousEventId ? (depth.get(event.previousEventId) ?? 0) : 0;
    // The event that ends a Parallel follows the last event of a branch: it is one level out.
    const level = Math.max(0, PARALLEL_ENDS.has(type) && !(previous !== undefined && PARALLEL_ENDS.has(previous)) ? inherited - 1 : inherited);
    types.set(event.id!, type);
    depth.set(event.id!, Math.max(0, level + nestingStep(type)));
    const line = describe(event, p);
    if (line === undefined) continue;
    lines.push(`${p.dim(elapsed(event.timestamp!.getTime() - start).padStart(12))}  ${'  '.repeat(Math.max(0, level))}${line}`);
  }
  return lines;
}

/**
 * Events that end a Parallel. Their previous event is the last one of a branch (recorded
 * histories have no ParallelStateSucceeded: `ParallelStateExited` follows the branch directly).
 */
const PARALLEL_ENDS = new Set(['ParallelStateSucceeded', 'ParallelStateFailed', 'ParallelStateAborted', 'ParallelStateExited']);

/** How an event moves the indentation of the events that follow it: a Parallel's branches and a Map's iterations sit one level in. */
function nestingStep(type: string): number {
  switch (type) {
    case 'ParallelStateStarted':
    case 'MapIterationStarted':
      return 1;
    case 'MapIterationSucceeded':
    case 'MapIterationFailed':
    case 'MapIterationAborted':
      return -1;
    default:
      return 0;
  }
}

/** Assigned variables as one JSON object: AWS hands each value as JSON text, so it is spliced in, not encoded again. */
function variablesJson(assigned: Record<string, string>): string {
  return `{${Object.entries(assigned)
    .map(([name, json]) => `${JSON.stringify(name)}:${json}`)
    .join(',')}}`;
}

function describe(event: HistoryEvent, p: Palette): string | undefined {
  const type = String(event.type);
  const entered = event.stateEnteredEventDetails;
  if (entered) return `${p.bold('▶')} ${entered.name} ${p.dim(`(${type.replace('StateEntered', '')})`)} ${p.dim(`in: ${short(entered.input)}`)}`;
  const exited = event.stateExitedEventDetails;
  if (exited) {
    const vars = exited.assignedVariables ? ` ${p.yellow(`vars: ${short(variablesJson(exited.assignedVariables as Record<string, string>))}`)}` : '';
    return `${p.green('✓')} ${exited.name} ${p.dim(`out: ${short(exited.output)}`)}${vars}`;
  }
  const failure = errorOf(event);
  if (failure) return `${p.red('✗')} ${type} ${p.red(failure)}`;
  switch (type) {
    case 'ExecutionStarted':
      return `${p.bold('Execution started')} ${p.dim(`input: ${short(event.executionStartedEventDetails?.input)}`)}`;
    case 'ExecutionSucceeded':
      return `${p.green(p.bold('Execution succeeded'))} ${p.dim(`output: ${short(event.executionSucceededEventDetails?.output)}`)}`;
    case 'TaskScheduled':
      return `  task ${event.taskScheduledEventDetails?.resourceType}:${event.taskScheduledEventDetails?.resource} ${p.dim(`with ${short(event.taskScheduledEventDetails?.parameters)}`)}`;
    case 'LambdaFunctionScheduled':
      return `  lambda ${event.lambdaFunctionScheduledEventDetails?.resource} ${p.dim(`with ${short(event.lambdaFunctionScheduledEventDetails?.input)}`)}`;
    case 'ActivityScheduled':
      return `  activity ${event.activityScheduledEventDetails?.resource} ${p.dim(`with ${short(event.activityScheduledEventDetails?.input)}`)}`;
    case 'TaskSucceeded':
    case 'LambdaFunctionSucceeded':
    case 'ActivitySucceeded': {
      const details = event.taskSucceededEventDetails ?? event.lambdaFunctionSucceededEventDetails ?? event.activitySucceededEventDetails;
      return `  ${p.green('→')} ${p.dim(short(details?.output))}`;
    }
    case 'MapIterationStarted':
      return `${p.dim(`iteration ${event.mapIterationStartedEventDetails?.index}`)}`;
    case 'MapRunStarted':
      return `  map run ${p.dim(event.mapRunStartedEventDetails?.mapRunArn ?? '')}`;
    case 'ExecutionAborted':
      return p.yellow('Execution aborted');
    default:
      return undefined;
  }
}

function errorOf(event: HistoryEvent): string | undefined {
  for (const [key, value] of Object.entries(event)) {
    if (!key.endsWith('EventDetails') || value === null || typeof value !== 'object') continue;
    const details = value as { error?: string; cause?: string };
    if (details.error !== undefined || (details.cause !== undefined && /Failed|TimedOut|Aborted/.test(String(event.type)))) {
      return [details.error, details.cause].filter((x) => x !== undefined && x !== '').join(': ') || '(no error name)';
    }
  }
  if (/Failed$|TimedOut$/.test(String(event.type)) && !/StateFailed$/.test(String(event.type))) return '(no error name)';
  return undefined;
}

function short(json: string | undefined, max = 100): string {
  if (json === undefined) return '';
  return json.length > max ? `${json.slice(0, max - 1)}…` : json;
}

/** `+1d 02:03:04.005` style offsets; virtual time can jump by years. */
export function elapsed(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  const rest = ms % 86_400_000;
  const h = Math.floor(rest / 3_600_000);
  const m = Math.floor((rest % 3_600_000) / 60_000);
  const s = Math.floor((rest % 60_000) / 1000);
  const milli = rest % 1000;
  const clock = `${pad(h)}:${pad(m)}:${pad(s)}.${String(milli).padStart(3, '0')}`;
  return `+${days > 0 ? `${days}d ` : ''}${clock}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
