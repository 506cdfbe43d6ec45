/** The shape every `src/cli/commands/*.ts` module exports. */
export interface Command {
  /** One line for `statecraft --help`. */
  summary: string;
  /**
   * Runs the command with the arguments after its name; resolves to the process exit code.
   * Output goes to `io` (default: the process streams).
   */
  run(args: string[], io?: CommandIo): Promise<number>;
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
