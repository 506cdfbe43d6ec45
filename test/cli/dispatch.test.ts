import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';

describe('statecraft <command> (the dispatch src/cli/main.ts runs)', () => {
  it('--help lists every command with its summary and exits 0; no command at all exits 2', async () => {
    const help = await runCli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: statecraft <command> [options]');
    for (const name of ['build', 'validate', 'iam', 'run', 'import', 'verify', 'serve', 'deploy', 'diagram', 'test-state']) expect(help.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect(help.stdout).toContain('Print the IAM policy');
    expect(await runCli()).toEqual({ code: 2, stdout: help.stdout, stderr: '' });
  });

  it('refuses an unknown command (also one named like an Object property) with the usage, exit 2', async () => {
    for (const name of ['bogus', 'constructor']) {
      const result = await runCli(name);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(new RegExp(`^statecraft: unknown command '${name}'\\.\\n\\nUsage: statecraft <command>`));
    }
  });

  it('passes the arguments after the name to the command, and returns its exit code', async () => {
    const result = await runCli('validate', '--bogus');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('statecraft validate: ');
    expect(result.stderr).toContain('Usage: statecraft validate');
  });
});
