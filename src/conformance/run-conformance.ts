/**
 * `npm run conformance -- [FILE ...] [--failures] [--events] [--feature NAME] [--id SUBSTRING]`
 * as a function ({@link runConformance}; `./main.ts` runs it on the process arguments).
 *
 * Runs every recorded AWS execution (`executions*.jsonl`) through the interpreter, every
 * rejected definition (`invalid-definitions*.jsonl`) through the validator and every recorded
 * TestState call (`test-state*.jsonl`) through `testState`, and prints a table by feature plus
 * the summary lines. Exits 0 whatever the score; 2 when it cannot run.
 */
import { basename } from 'node:path';
import { existsSync } from 'node:fs';
import { conformanceAbsentReason, EXECUTIONS_FILE, INVALID_DEFINITIONS_FILE, loadExecutionCases, loadInvalidDefinitionCases, loadTestStateCases, TEST_STATE_FILE } from './cases';
import { eventReport, failureReport, featureTable, percent } from './report';
import { runExecutionCase, runInvalidDefinitionCase, type CaseOutcome } from './run-case';
import { runTestStateCase } from './run-test-state-case';
import { type CommandIo, processIo } from '../cli/command';

const DEFAULT_FILES = [EXECUTIONS_FILE, INVALID_DEFINITIONS_FILE, TEST_STATE_FILE];

const USAGE = 'Usage: npm run conformance -- [FILE ...] [--failures] [--events] [--feature NAME] [--id SUBSTRING]\n';

interface Options {
  help: boolean;
  files: string[];
  failures: boolean;
  /** Also compare the recorded history event types (a fidelity measure, not part of the score). */
  events: boolean;
  feature?: string;
  id?: string;
}

function parseArgs(args: readonly string[]): Options {
  const options: Options = { help: false, files: [], failures: false, events: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--failures') options.failures = true;
    else if (arg === '--events') options.events = true;
    else if (arg === '--feature') options.feature = requireValue(args, ++i, '--feature');
    else if (arg === '--id') options.id = requireValue(args, ++i, '--id');
    else if (arg === '--help' || arg === '-h') return { ...options, help: true };
    else if (arg.startsWith('--')) throw new Error(`unknown option '${arg}'`);
    else options.files.push(arg);
  }
  if (options.files.length === 0) options.files = DEFAULT_FILES;
  return options;
}

function requireValue(args: readonly string[], i: number, flag: string): string {
  const value = args[i];
  if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
  return value;
}

function selected(options: Options, c: { id: string; feature: string }): boolean {
  return (options.feature === undefined || c.feature === options.feature) && (options.id === undefined || c.id.includes(options.id));
}

/**
 * Runs `npm run conformance -- ARGS` and resolves to its exit code; output goes to `io`.
 *
 * @example
 * process.exitCode = await runConformance(['--feature', 'wait', '--failures']);
 */
export async function runConformance(args: readonly string[], io: CommandIo = processIo): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(args);
  } catch (error) {
    io.stderr(`conformance: ${(error as Error).message}\n`);
    return 2;
  }
  if (options.help) {
    io.stdout(USAGE);
    return 0;
  }
  // The recordings live outside the repository: say where they were looked for, not ENOENT.
  const missing = options.files.filter((file) => /^(executions|invalid-definitions|test-state)/.test(basename(file)) && !existsSync(file));
  if (missing.length > 0) {
    io.stderr(`conformance: ${missing.map((file) => `cannot run: ${conformanceAbsentReason(file)}`).join('\n')}\n`);
    return 2;
  }
  const executionOutcomes: CaseOutcome[] = [];
  const validationOutcomes: { file: string; outcomes: CaseOutcome[] }[] = [];
  const testStateOutcomes: { file: string; outcomes: CaseOutcome[] }[] = [];
  for (const file of options.files) {
    const name = basename(file);
    if (name.startsWith('invalid-definitions')) {
      const cases = loadInvalidDefinitionCases(file).filter((c) => selected(options, c));
      validationOutcomes.push({ file, outcomes: cases.map(runInvalidDefinitionCase) });
    } else if (name.startsWith('test-state')) {
      const outcomes: CaseOutcome[] = [];
      for (const c of loadTestStateCases(file).filter((c) => selected(options, c))) outcomes.push(await runTestStateCase(c));
      testStateOutcomes.push({ file, outcomes });
    } else if (name.startsWith('executions')) {
      const cases = loadExecutionCases({ file }).filter((c) => selected(options, c));
      for (const c of cases) executionOutcomes.push(await runExecutionCase(c));
    } else {
      io.stderr(`conformance: cannot tell what '${file}' holds (expected executions*.jsonl, invalid-definitions*.jsonl or test-state*.jsonl)\n`);
      return 2;
    }
  }
  if (options.failures) {
    const report = failureReport([
      ...executionOutcomes,
      ...validationOutcomes.flatMap((v) => v.outcomes),
      ...testStateOutcomes.flatMap((v) => v.outcomes),
    ]);
    if (report) io.stdout(`${report}\n\n`);
  }
  if (options.events) io.stdout(`${eventReport(executionOutcomes, options.failures)}\n\n`);
  if (executionOutcomes.length > 0) io.stdout(`${featureTable(executionOutcomes)}\n\n`);
  const matched = executionOutcomes.filter((o) => o.matched).length;
  io.stdout(`conformance: ${matched}/${executionOutcomes.length} cases match (${percent(matched, executionOutcomes.length)})\n`);
  for (const { outcomes } of validationOutcomes) {
    const rejected = outcomes.filter((o) => o.matched).length;
    io.stdout(`validation: ${rejected}/${outcomes.length} invalid definitions rejected\n`);
  }
  for (const { outcomes } of testStateOutcomes) {
    const matchedCalls = outcomes.filter((o) => o.matched).length;
    io.stdout(`test-state: ${matchedCalls}/${outcomes.length} cases match (${percent(matchedCalls, outcomes.length)})\n`);
  }
  return 0;
}
