/**
 * `statecraft <command> [options]` as a function: the command table and the dispatch that
 * `src/cli/main.ts` (the bin) runs with `process.argv`, and tests run in-process with their own
 * {@link CommandIo}. Each command lives in `src/cli/commands/<name>.ts` and exports
 * `run(args, io?): Promise<number>` (the exit code) and a one-line `summary`; they are loaded
 * only when called, so `statecraft validate` does not pay for ts-morph.
 */
import { type Command, type CommandIo, processIo } from './command';

// A static string in each `import()`: the bundler follows it into a lazy chunk (see tsdown.config.ts).
const commands: Record<string, () => Promise<Command>> = {
  build: () => import('./commands/build'),
  validate: () => import('./commands/validate'),
  iam: () => import('./commands/iam'),
  run: () => import('./commands/run'),
  import: () => import('./commands/import'),
  verify: () => import('./commands/verify'),
  serve: () => import('./commands/serve'),
  deploy: () => import('./commands/deploy'),
  diagram: () => import('./commands/diagram'),
  'test-state': () => import('./commands/test-state'),
};

/**
 * Runs `statecraft ARGV` and resolves to its exit code. Output goes to `io` when given; without
 * it, each command writes to the process streams its own way (e.g. `run` colours a TTY).
 *
 * @example
 * let out = '';
 * const code = await main(['validate', 'm.asl.json'], { stdout: (t) => (out += t), stderr: (t) => (out += t) });
 */
export async function main(argv: readonly string[], io?: CommandIo): Promise<number> {
  const [name, ...args] = argv;
  const output = io ?? processIo;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    output.stdout(await usage());
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    output.stderr(`statecraft: unknown command '${name}'.\n\n${await usage()}`);
    return 2;
  }
  const command = await load();
  // An `undefined` io lets the command's own default apply.
  return command.run(args, io);
}

async function usage(): Promise<string> {
  const lines = ['Usage: statecraft <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(commands)) {
    const command = await load();
    lines.push(`  ${name.padEnd(10)} ${command.summary}`);
  }
  lines.push('', "Run 'statecraft <command> --help' for a command's options.", '');
  return lines.join('\n');
}
