/**
 * `statecraft diagram <file.asl.json | workflows/x.ts[#Export]> [--format svg|mermaid|dot] [--out FILE]`:
 * draws a state machine as the console does (SVG laid out by ELK), or as Mermaid / DOT text.
 * Exit codes: 0 drawn, 2 bad usage, unreadable file or invalid definition.
 */
import { writeFile } from 'node:fs/promises';
import type { StateMachineDefinition } from '../../asl/types';
// Light at load time (`statecraft --help` imports every command): ELK loads only when drawing.
import { DIAGRAM_FORMATS, type DiagramFormat } from '../../diagram/formats';
import { oneOf, startFileCommand } from '../args';
import { type CommandIo, processIo } from '../command';
import { loadDefinition } from './run/load-definition';
import { formatDiagnostic } from './validate';

export const summary = 'Draw a state machine as SVG, Mermaid or Graphviz DOT';

const USAGE = `Usage: statecraft diagram <file.asl.json | workflows/x.ts[#Export]> [options]

Draws the state machine's graph as the AWS console does: states as boxes by type, Choice rules
as labelled edges, Catch edges dashed with their errors, Parallel branches and Map processors
as nested frames, Start and End.

Options:
  --format <svg|mermaid|dot>  output format (default svg; mermaid renders on GitHub)
  --out <file>                write to a file instead of standard output
  -h, --help                  show this help

A .ts file is compiled first; '#Export' picks one of several exported workflows (by export or
workflow name).
Exit codes: 0 drawn, 2 bad usage, unreadable file or invalid definition.
`;

const OPTIONS = {
  format: { type: 'string', parse: oneOf<DiagramFormat>(DIAGRAM_FORMATS) },
  out: { type: 'string' },
} as const;

export async function run(args: string[], io: CommandIo = processIo): Promise<number> {
  const started = startFileCommand(
    { name: 'diagram', usage: USAGE, missingFile: 'which state machine? Give an .asl.json file or a workflow .ts file.', options: OPTIONS },
    args,
    io,
  );
  if (typeof started === 'number') return started;
  const parsed = { file: started.file, out: started.values.out, format: started.values.format ?? 'svg' };
  const hash = /\.(ts|mts|js|mjs)#/.test(parsed.file) ? parsed.file.lastIndexOf('#') : -1;
  const [file, exportName] = hash < 0 ? [parsed.file, undefined] : [parsed.file.slice(0, hash), parsed.file.slice(hash + 1)];
  const loaded = await loadDefinition(file, exportName);
  if ('problem' in loaded) {
    io.stderr(`statecraft diagram: ${loaded.problem}\n`);
    return 2;
  }
  // Drawn only when valid: a broken transition would otherwise be silently left out of the picture.
  const { validateDefinition } = await import('../../asl/validate');
  const errors = validateDefinition(loaded.definition, { stateMachineType: loaded.type }).filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    io.stderr(`statecraft diagram: ${file} is not a valid state machine; fix these first ('statecraft validate' checks it):\n${errors.map(formatDiagnostic).join('\n')}\n`);
    return 2;
  }
  const { renderDiagram } = await import('../../diagram/render-diagram');
  const drawing = await renderDiagram(loaded.definition as StateMachineDefinition, parsed.format, loaded.name);
  if (parsed.out === undefined) {
    io.stdout(drawing);
    return 0;
  }
  try {
    await writeFile(parsed.out, drawing);
  } catch (error) {
    io.stderr(`statecraft diagram: cannot write ${parsed.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.\n`);
    return 2;
  }
  io.stderr(`statecraft diagram: wrote ${parsed.out} (${parsed.format}).\n`);
  return 0;
}
