/** The shape every `src/cli/commands/*.ts` module exports. */
export interface Command {
  /** One line for `statecraft --help`. */
  summary: string;
  /** Runs the command with the arguments after its name; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}

/** Where a command's output goes; tests pass their own. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** What a command that reads one file parses from its arguments (at least). */
export interface FileCommandArgs {
  file?: string;
  help: boolean;
}

/**
 * The start every file-reading command shares: an argument problem (a string from its parser) →
 * the problem and the usage on stderr, exit 2; `--help` → the usage, exit 0; no file → `missingFile`
 * and the usage on stderr, exit 2. Returns the exit code to stop with, or the arguments with their file.
 *
 * @example
 * const started = startFileCommand({ name: 'validate', usage: USAGE, missingFile: 'which ASL file?' }, parseArgs(args), io);
 * if (typeof started === 'number') return started;
 */
export function startFileCommand<A extends FileCommandArgs>(
  command: { name: string; usage: string; missingFile: string },
  parsed: A | string,
  io: CommandIo,
): number | (A & { file: string }) {
  const usageError = (problem: string): number => {
    io.stderr(`statecraft ${command.name}: ${problem}\n\n${command.usage}`);
    return 2;
  };
  if (typeof parsed === 'string') return usageError(parsed);
  if (parsed.help) {
    io.stdout(command.usage);
    return 0;
  }
  if (!parsed.file) return usageError(command.missingFile);
  return { ...parsed, file: parsed.file };
}
