import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/run';

// `statecraft run workflows/x.ts` checks the module's types and the --input against the
// workflow's zod input schema before anything runs (issue 11).
// Inside the repository (test/.artifacts is git-ignored) so that the modules resolve 'zod' as users' do.
const artifacts = join(process.cwd(), 'test/.artifacts');
mkdirSync(artifacts, { recursive: true });
const dir = mkdtempSync(join(artifacts, 'run-checks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DSL = join(process.cwd(), 'src/dsl/index');
const file = (name: string, lines: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), colour: false } };
}

const orders = file('orders.ts', [
  `import { z } from 'zod';`,
  `import { workflow } from '${DSL}';`,
  `const Order = z.object({ order: z.object({ id: z.string(), lines: z.array(z.object({ sku: z.string(), qty: z.number().int() })) }) });`,
  `export const orders = workflow('OrderFlow', { input: Order }).pass('Echo', { parameters: (s) => ({ id: s.order.id }) }).succeed('Done');`,
]);

describe('statecraft run workflows/x.ts: type-check', () => {
  const mistyped = file('mistyped.ts', [
    `import { workflow } from '${DSL}';`,
    ``,
    `const retries: number = 'three';`,
    `export const hello = workflow('Hello').pass('Greet', { result: { retries } }).succeed('Done');`,
  ]);

  it('stops on a type error in the workflow module with its file:line:column, before running (exit 2)', async () => {
    const { out, io } = capture();
    expect(await run([mistyped, '--json'], io)).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(`statecraft run: ${mistyped} has 1 type error; nothing was run (fix them, or pass --no-typecheck to run it anyway):`);
    expect(out.stderr).toMatch(/mistyped\.ts:3:7 - error TS2322: Type 'string' is not assignable to type 'number'\./);
  }, 120_000);

  it('--no-typecheck runs it anyway', async () => {
    const { out, io } = capture();
    expect(await run([mistyped, '--no-typecheck', '--json'], io)).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ status: 'SUCCEEDED', output: { retries: 'three' } });
  }, 120_000);

  it('runs a clean module after checking it', async () => {
    const { out, io } = capture();
    const code = await run([orders, '--input', '{"order":{"id":"o-1","lines":[]}}', '--json'], io);
    expect(out.stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ status: 'SUCCEEDED', output: { id: 'o-1' } });
  }, 120_000);
});

describe('statecraft run workflows/x.ts: --input against the zod input schema', () => {
  it('names the workflow and every mismatching field (zod issue path), and runs nothing (exit 2)', async () => {
    const { out, io } = capture();
    const input = JSON.stringify({ order: { id: 7, lines: [{ sku: 'a', qty: 1 }, { sku: 'b', qty: 'two' }] } });
    expect(await run([orders, '--no-typecheck', '--input', input], io)).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(`statecraft run: --input does not match the input schema of workflow 'OrderFlow' (${orders}); nothing was run:`);
    expect(out.stderr).toMatch(/ {2}- order\.id: .*expected string, received number/);
    expect(out.stderr).toMatch(/ {2}- order\.lines\[1\]\.qty: .*expected number, received string/);
  });

  it('reports a missing field and an input that is not an object', async () => {
    const missing = capture();
    expect(await run([orders, '--no-typecheck'], missing.io)).toBe(2);
    expect(missing.out.stderr).toMatch(/ {2}- order: .*expected object, received undefined/);

    const scalar = capture();
    expect(await run([orders, '--no-typecheck', '--input', '42'], scalar.io)).toBe(2);
    expect(scalar.out.stderr).toMatch(/ {2}- \(the input\): .*expected object, received number/);
  });

  it('checks a zod/mini schema too (through the Standard Schema interface every zod v4 schema has)', async () => {
    const mini = file('mini.ts', [
      `import * as z from 'zod/mini';`,
      `import { workflow } from '${DSL}';`,
      `export const mini = workflow('Mini', { input: z.object({ id: z.string() }) }).pass('P').succeed('Done');`,
    ]);
    const wrong = capture();
    expect(await run([mini, '--no-typecheck', '--input', '{"id":7}'], wrong.io)).toBe(2);
    expect(wrong.out.stderr).toMatch(/ {2}- id: .*expected string, received number/);
    const right = capture();
    expect(await run([mini, '--no-typecheck', '--input', '{"id":"a"}', '--json'], right.io)).toBe(0);
    expect(JSON.parse(right.out.stdout).output).toEqual({ id: 'a' });
  });

  it('a workflow without an input schema takes any input', async () => {
    const free = file('free.ts', [`import { workflow } from '${DSL}';`, `export const free = workflow('Free').pass('P').succeed('Done');`]);
    const { out, io } = capture();
    expect(await run([free, '--no-typecheck', '--input', '[1,2]', '--json'], io)).toBe(0);
    expect(JSON.parse(out.stdout).output).toEqual([1, 2]);
  });
});
