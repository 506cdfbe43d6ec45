import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/import';
import { runCli } from '../support/run-cli';
import { canonical, roundTripSource } from './round-trip';

function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (text: string) => (out.stdout += text), stderr: (text: string) => (out.stderr += text) } };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'statecraft-import-'));
}

const JSONPATH_MACHINE = {
  Comment: 'Charges an order',
  StartAt: 'Charge',
  States: {
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:charge', Payload: { 'id.$': '$.order.id', 'total.$': '$.order.total' } },
      ResultSelector: { 'chargeId.$': '$.Payload.chargeId' },
      ResultPath: '$.charge',
      Next: 'Big?',
    },
    'Big?': { Type: 'Choice', Choices: [{ Variable: '$.order.total', NumericGreaterThan: 1000, Next: 'Review' }], Default: 'Done' },
    Review: { Type: 'Pass', Parameters: { 'note.$': "States.Format('Review {}', $.order.id)" }, Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
};

describe('statecraft import', () => {
  it('writes a typed module that compiles back to the file, and says what it did', async () => {
    const dir = tempDir();
    const file = join(dir, 'charge-order.asl.json');
    writeFileSync(file, JSON.stringify(JSONPATH_MACHINE));
    const out = join(dir, 'workflows', 'charge.ts');
    const { out: printed, io: cli } = io();
    expect(await run([file, '--name', 'ChargeOrder', '--out', out], cli)).toBe(0);
    expect(printed.stdout).toContain(`→ ${out}: workflow 'ChargeOrder' exported as chargeOrder.`);
    const source = readFileSync(out, 'utf8');
    expect(source).toContain('lambda.invoke(charge, (s) => ({ id: s.order.id, total: s.order.total }))');
    expect(source).toContain("States.Format('Review {}', s.order.id)");
    expect(source).toContain('gt(s.order.total, 1000)');
    expect(source).toMatch(/const ChargeOrderInput = z\.object\(\{ order: z\.object\(\{ id: z\.\w+\(\), total: z\.number\(\) \}\) \}\)/);
    const compiled = roundTripSource(source, 'chargeOrder');
    expect(canonical(compiled)).toEqual(canonical(JSONPATH_MACHINE));
  });

  it('refines the input schema with --input-sample', async () => {
    const dir = tempDir();
    const file = join(dir, 'charge.asl.json');
    const sample = join(dir, 'input.json');
    writeFileSync(file, JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'id.$': '$.order.id' }, End: true } } }));
    writeFileSync(sample, JSON.stringify({ order: { id: 'o-1' } }));
    const out = join(dir, 'charge.ts');
    const { io: cli } = io();
    expect(await run([file, '--out', out, '--input-sample', sample], cli)).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('z.object({ order: z.object({ id: z.string() }) })');
  });

  it('refuses invalid ASL with the validator diagnostics and writes nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'bad.asl.json');
    writeFileSync(file, JSON.stringify({ StartAt: 'Missing', States: { A: { Type: 'Pass', End: true } } }));
    const out = join(dir, 'bad.ts');
    const { out: printed, io: cli } = io();
    expect(await run([file, '--out', out], cli)).toBe(1);
    expect(printed.stderr).toMatch(/error .*Missing/);
    expect(printed.stderr).toContain('is not valid ASL');
    expect(existsSync(out)).toBe(false);
  });

  it('keeps an existing --out file unless --force', async () => {
    const dir = tempDir();
    const file = join(dir, 'flow.asl.json');
    writeFileSync(file, JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Succeed' } } }));
    const out = join(dir, 'flow.ts');
    writeFileSync(out, '// mine\n');
    const first = io();
    expect(await run([file, '--out', out], first.io)).toBe(1);
    expect(first.out.stderr).toContain('exists; pass --force');
    expect(readFileSync(out, 'utf8')).toBe('// mine\n');
    const second = io();
    expect(await run([file, '--out', out, '--force'], second.io)).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain("workflow('flow')");
  });

  it('lists what it could not type', async () => {
    const dir = tempDir();
    const file = join(dir, 'wild.asl.json');
    writeFileSync(file, JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'skus.$': '$.items[*].sku' }, End: true } } }));
    const { out: printed, io: cli } = io();
    expect(await run([file, '--out', join(dir, 'wild.ts')], cli)).toBe(0);
    expect(printed.stdout).toContain("Could not type (1):\n  - P: kept JSONPath '$.items[*].sku' as written");
    expect(readFileSync(join(dir, 'wild.ts'), 'utf8')).toContain("jsonPath('$.items[*].sku')");
  });

  it('answers bad usage with exit 2', async () => {
    const { out: printed, io: cli } = io();
    expect(await run([], cli)).toBe(2);
    expect(await run(['a.json', '--type', 'FAST'], cli)).toBe(2);
    expect(await run([join(tempDir(), 'absent.asl.json')], cli)).toBe(2);
    expect(printed.stderr).toContain('which ASL file?');
  });

  it('is a statecraft command', async () => {
    const help = await runCli('import', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: statecraft import <file.asl.json>');
  });
});
