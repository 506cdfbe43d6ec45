#!/usr/bin/env node
/**
 * `statecraft` command-line entry. Each command lives in `src/cli/commands/<name>.ts` and exports
 * `run(args: string[]): Promise<number>` (the exit code) and a one-line `summary`; they are loaded
 * only when called, so `statecraft validate` does not pay for ts-morph.
 */
import type { Command } from './command';

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

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(await usage());
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`statecraft: unknown command '${name}'.\n\n${await usage()}`);
    return 2;
  }
  const command = await load();
  return command.run(args);
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

process.exitCode = await main(process.argv.slice(2));
