import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/commands/validate';
import { runCli } from '../../support/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'statecraft-validate-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const validFile = file('valid.asl.json', JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }));
const invalidFile = file(
  'invalid.asl.json',
  JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Credentials: {}, Next: 'Nope' } } }),
);
const activityFile = file('activity.asl.json', JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:states:us-east-1:123456789012:activity:x', End: true } } }));
const notJson = file('broken.asl.json', '{ "StartAt": ');

async function capture(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('statecraft validate', () => {
  it('prints "valid" and exits 0 for a valid file', async () => {
    expect(await capture([validFile])).toEqual({ code: 0, stdout: 'valid\n', stderr: '' });
  });

  it('lists every error with pointer, state, field and message, and exits 1', async () => {
    const { code, stdout } = await capture([invalidFile]);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines).toContain(
      "error /States/A/Credentials [state 'A', field 'Credentials'] The field 'RoleArn' is required but was missing in state 'A': 'Credentials' must name the IAM role to assume, e.g. {\"RoleArn\": \"arn:aws:iam::123456789012:role/TargetRole\"}. (MISSING_REQUIRED_FIELD)",
    );
    expect(lines.some((l) => l.startsWith("error /States/A/Next [state 'A', field 'Next'] Missing 'Next' target: Nope"))).toBe(true);
    expect(lines.some((l) => l.startsWith("error /States [field 'States'] Workflow has no terminal state"))).toBe(true);
    expect(lines.at(-1)).toBe(`${invalidFile}: invalid (3 errors)`);
  });

  it('applies --type EXPRESS', async () => {
    expect((await capture([activityFile])).code).toBe(0);
    const express = await capture([activityFile, '--type', 'EXPRESS']);
    expect(express.code).toBe(1);
    expect(express.stdout).toContain('Express state machine does not support Activity ARN');
    expect((await capture(['--type=EXPRESS', activityFile])).code).toBe(1);
  });

  it('prints diagnostics as JSON with --json', async () => {
    const { code, stdout } = await capture([invalidFile, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.valid).toBe(false);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'MISSING_REQUIRED_FIELD', pointer: '/States/A/Credentials', state: 'A', field: 'Credentials', severity: 'error' }));
    expect(JSON.parse((await capture([validFile, '--json'])).stdout)).toEqual({ valid: true, diagnostics: [] });
  });

  it('exits 2 on bad usage, unreadable files and non-JSON', async () => {
    const noFile = await capture([]);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('Usage: statecraft validate');
    expect((await capture([validFile, '--type', 'FAST'])).code).toBe(2);
    expect((await capture([validFile, '--bogus'])).code).toBe(2);
    expect((await capture([validFile, validFile])).code).toBe(2);
    const missing = await capture([join(dir, 'missing.json')]);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('missing.json does not exist.') });
    const broken = await capture([notJson]);
    expect(broken).toMatchObject({ code: 2, stderr: expect.stringContaining('is not valid JSON') });
  });

  it('prints help with --help and exits 0', async () => {
    const help = await capture(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--type <STANDARD|EXPRESS>');
  });

  // The bin itself (src/cli/main.ts: exit code and streams) is tested once, in test/cli/help-light.test.ts.
  it('is the statecraft validate command', async () => {
    expect(await runCli('validate', validFile)).toEqual({ code: 0, stdout: 'valid\n', stderr: '' });
    const failed = await runCli('validate', invalidFile);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('(MISSING_TRANSITION_TARGET)');
  });
});
