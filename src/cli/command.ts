/** The shape every `src/cli/commands/*.ts` module exports. */
export interface Command {
  /** One line for `statecraft --help`. */
  summary: string;
  /** Runs the command with the arguments after its name; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}
