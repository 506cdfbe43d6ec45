import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/run';

const dir = mkdtempSync(join(tmpdir(), 'statecraft-run-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

const orders = file('Orders.asl.json', {
  StartAt: 'Charge',
  States: {
    Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'charge', 'Payload.$': '$' }, Retry: [{ ErrorEquals: ['Payment.Busy'] }], OutputPath: '$.Payload', Next: 'Wait' },
    Wait: { Type: 'Wait', Seconds: 86400, Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
});
const mocks = file('MockConfigFile.json', {
  StateMachines: { Orders: { TestCases: { Flaky: { Charge: 'FailThenOk' }, Broken: { Charge: 'AlwaysFail' } } } },
  MockedResponses: {
    FailThenOk: { '0': { Throw: { Error: 'Payment.Busy', Cause: 'later' } }, '1': { Return: { StatusCode: 200, Payload: { charged: true } } } },
    AlwaysFail: { '0': { Throw: { Error: 'Payment.Declined', Cause: 'no' } } },
  },
});

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), colour: false } };
}

describe('statecraft run', () => {
  it('runs with a MockConfigFile test case, prints the history with virtual times and the output (exit 0)', async () => {
    const { out, io } = capture();
    const code = await run([orders, '--input', '{"amount":3}', '--mocks', mocks, '--test-case', 'Flaky', '--start-time', '2024-01-01T00:00:00Z'], io);
    expect(code).toBe(0);
    expect(out.stdout).toContain('✗ TaskFailed Payment.Busy: later');
    expect(out.stdout).toContain('+1d 00:00:01.000');
    expect(out.stdout).toMatch(/SUCCEEDED\n\{\n {2}"charged": true\n\}\n$/);
  });

  it('prints JSON with --json and exits 1 when the execution fails', async () => {
    const { out, io } = capture();
    const code = await run([orders, '--mocks', mocks, '--test-case', 'Broken', '--json'], io);
    expect(code).toBe(1);
    const parsed = JSON.parse(out.stdout);
    expect(parsed).toMatchObject({ status: 'FAILED', error: 'Payment.Declined', cause: 'no' });
    expect(parsed.history[0]).toMatchObject({ id: 1, type: 'ExecutionStarted' });
  });

  it('reads the input from @file and fails clearly when a task has no mock', async () => {
    const input = file('input.json', { amount: 1 });
    const { out, io } = capture();
    expect(await run([orders, '--input', `@${input}`], io)).toBe(1);
    expect(out.stdout).toContain("No mock answers the Task state 'Charge'");
  });

  it('exits 2 on bad usage, unreadable input and invalid ASL', async () => {
    const bad = file('bad.asl.json', { StartAt: 'X', States: {} });
    for (const args of [[], [orders, '--input', '{nope'], [orders, '--bogus'], [bad], [orders, '--test-case', 'Flaky'], [join(dir, 'missing.asl.json')]]) {
      const { out, io } = capture();
      expect(await run(args, io)).toBe(2);
      expect(out.stderr).toMatch(/^statecraft run: /);
    }
  });

  it('runs an exported TypeScript workflow through the compiler', async () => {
    const source = file(
      'hello.ts',
      `import { workflow } from '${join(process.cwd(), 'src/dsl/index')}';\nexport const hello = workflow('Hello').pass('Greet', { result: { hello: 'world' } }).succeed('Done');\n`,
    );
    const { out, io } = capture();
    // --no-typecheck: that a clean module is type-checked first, then runs with nothing on stderr, is
    // proved by run-workflow-checks.test.ts ('runs a clean module after checking it'); here, the compiling.
    const code = await run([source, '--no-typecheck', '--json'], io);
    expect(out.stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ status: 'SUCCEEDED', output: { hello: 'world' } });
  });
});
