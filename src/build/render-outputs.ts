import type { StateMachineDefinition } from '../asl/types';
import path from 'node:path';
import type { BuildProblem } from './build-error';
import type { LoadedWorkflow, WorkflowOrigin } from './load-workflows';
import { formatIamFile } from './format-iam-file';
import { NO_FORMAT_CACHE, type FormatCache } from './format-cache';
import { LIMITS } from '../asl/limits';

/** What the build needs from the compiler and the IAM pass (see `defaultToolchain`). */
export interface BuildToolchain<W> {
  isWorkflow(value: unknown): value is W;
  /** `source`: the `file:line` of the `workflow(...)` call, for messages about the workflow as a whole. */
  compileWorkflow(workflow: W): { name: string; definition: StateMachineDefinition; source?: string };
  formatDefinition(definition: StateMachineDefinition): Promise<string>;
  /** The IAM report written as `<Name>.iam.json` (plain JSON data). */
  deriveIamPolicy(definition: StateMachineDefinition, stateMachineName: string): unknown;
  /** Draws `<Name>.svg` (absent: no diagrams); `version` fingerprints the drawing code for the cache. */
  diagram?: { version(): Promise<string>; renderSvg(definition: StateMachineDefinition): Promise<string> };
}

/** One file the build produces, relative to the output folder. */
export interface GeneratedFile {
  fileName: string;
  content: string;
  workflowName: string;
  origin: WorkflowOrigin;
}

export const ASL_SUFFIX = '.asl.json';
export const IAM_SUFFIX = '.iam.json';
export const SVG_SUFFIX = '.svg';
/** The suffixes of the files the build owns in the output folder (others are left alone). */
export const GENERATED_SUFFIXES = [ASL_SUFFIX, IAM_SUFFIX, SVG_SUFFIX] as const;

// Names become file names and state machine names: keep them portable (AWS allows up to LIMITS.nameLength of these).
const WORKFLOW_NAME = new RegExp(`^[A-Za-z0-9_-]{1,${LIMITS.nameLength}}$`);

/** A workflow the compiler accepted, with where it came from. */
export interface CompiledWorkflow {
  name: string;
  definition: StateMachineDefinition;
  origin: WorkflowOrigin;
}

/**
 * Compiles every workflow: all of them, so that the build reports every one that does not compile
 * (and every pair with one name), not only the first. Nothing is rendered when `problems` is not empty.
 */
export function compileWorkflows<W>(
  loaded: readonly LoadedWorkflow<W>[],
  toolchain: BuildToolchain<W>,
): { compiled: CompiledWorkflow[]; problems: BuildProblem[] } {
  const compiled: CompiledWorkflow[] = [];
  const problems: BuildProblem[] = [];
  for (const { workflow, origin } of loaded) {
    const result = compileOne(workflow, origin, toolchain);
    if ('problem' in result) problems.push({ kind: 'compile', file: path.resolve(origin.file), message: result.problem });
    else compiled.push({ origin, ...result });
  }
  problems.push(...duplicateNames(compiled));
  return { compiled, problems };
}

/**
 * Renders the files of compiled workflows: `<Name>.asl.json` (the definition, formatted by the
 * compiler), `<Name>.iam.json` (the IAM report) and `<Name>.svg` (the diagram, when the toolchain
 * draws one).
 */
export async function renderOutputs<W>(
  compiled: readonly CompiledWorkflow[],
  toolchain: BuildToolchain<W>,
  cache: FormatCache = NO_FORMAT_CACHE,
): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const { name, definition, origin } of compiled) {
    const asl = await cache.formatted('asl', definition, () => toolchain.formatDefinition(definition));
    files.push({ fileName: `${name}${ASL_SUFFIX}`, content: asl, workflowName: name, origin });
    const report = toolchain.deriveIamPolicy(definition, name);
    files.push({ fileName: `${name}${IAM_SUFFIX}`, content: await cache.formatted('iam', report, () => formatIamFile(report)), workflowName: name, origin });
    const diagram = toolchain.diagram;
    if (diagram) {
      const svg = await cache.formatted(`svg ${await diagram.version()}`, definition, () => diagram.renderSvg(definition));
      files.push({ fileName: `${name}${SVG_SUFFIX}`, content: svg, workflowName: name, origin });
    }
  }
  return files.sort((a, b) => compareStrings(a.fileName, b.fileName));
}

function compileOne<W>(
  workflow: W,
  origin: WorkflowOrigin,
  toolchain: BuildToolchain<W>,
): { name: string; definition: StateMachineDefinition } | { problem: string } {
  let result;
  try {
    result = toolchain.compileWorkflow(workflow);
  } catch (error) {
    return { problem: `${origin.file}: ${describeOrigin(origin)} does not compile:\n${describeCompileError(error)}` };
  }
  if (!WORKFLOW_NAME.test(result.name)) {
    return {
      problem:
        `${result.source && result.source !== '<unknown>' ? result.source : origin.file}: ${describeOrigin(origin)} is named ${JSON.stringify(result.name)}; a workflow name becomes a file name, so use ` +
        `1 to ${LIMITS.nameLength} letters, digits, '-' or '_' (for example 'OrderPipeline').`,
    };
  }
  return { name: result.name, definition: result.definition };
}

function duplicateNames(compiled: readonly CompiledWorkflow[]): BuildProblem[] {
  // Compared case-insensitively: on macOS and Windows the two files would overwrite each other.
  const byKey = new Map<string, CompiledWorkflow>();
  const problems: BuildProblem[] = [];
  for (const entry of compiled) {
    const key = entry.name.toLowerCase();
    const first = byKey.get(key);
    if (first) {
      const same = first.name === entry.name ? `'${entry.name}'` : `'${first.name}' and '${entry.name}' (equal ignoring case)`;
      problems.push({
        kind: 'compile',
        file: path.resolve(entry.origin.file),
        message:
          `${entry.origin.file}: Two workflows are named ${same}: ${describeOrigin(first.origin)} and ${describeOrigin(entry.origin)}. ` +
          `Workflow names must be unique (they name the files in the output folder and the state machines); rename one.`,
      });
      continue;
    }
    byKey.set(key, entry);
  }
  return problems;
}

export function describeOrigin(origin: WorkflowOrigin): string {
  return `the workflow exported as '${origin.exportName}' from ${origin.file}`;
}

// WorkflowCompileError's message already lists every diagnostic with its source line.
function describeCompileError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/** Code-point order, independent of the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
