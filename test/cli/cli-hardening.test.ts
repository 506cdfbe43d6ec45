import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as iam } from '../../src/cli/commands/iam';
import { run } from '../../src/cli/commands/run';
import { run as validate } from '../../src/cli/commands/validate';

const dir = mkdtempSync(join(tmpdir(), 'statecraft-cli-hardening-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content));
  return path;
};

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), colour: false } };
}

const sqs = 'arn:aws:states:::sqs:sendMessage';
const simple = file('Simple.asl.json', { StartAt: 'Send', States: { Send: { Type: 'Task', Resource: sqs, End: true } } });
const workflowModule = file(
  'hello.ts',
  `import { workflow } from '${join(process.cwd(), 'src/dsl/index')}';\nexport const hello = workflow('Hello').pass('Greet', { result: { hello: 'world' } }).succeed('Done');\n`,
);

describe('statecraft run: S3 objects for ItemReader', () => {
  const definition = file('Reader.asl.json', {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }, Parameters: { Bucket: 'orders', Key: 'in/items.csv' } },
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
        End: true,
      },
    },
  });

  it('--s3 bucket/key=file supplies an object', async () => {
    const csv = file('items.csv', 'id,qty\n1,2\n3,4\n');
    const { out, io } = capture();
    expect(await run([definition, '--s3', `orders/in/items.csv=${csv}`, '--json'], io)).toBe(0);
    expect(JSON.parse(out.stdout).output).toEqual([{ id: '1', qty: '2' }, { id: '3', qty: '4' }]);
  });

  it('--s3-dir DIR supplies DIR/<bucket>/<key>', async () => {
    file('s3/orders/in/items.csv', 'id\n9\n');
    const { out, io } = capture();
    expect(await run([definition, '--s3-dir', join(dir, 's3'), '--json'], io)).toBe(0);
    expect(JSON.parse(out.stdout).output).toEqual([{ id: '9' }]);
  });

  it('a malformed --s3 or a missing object file is a usage error', async () => {
    for (const [args, message] of [
      [['--s3', 'no-key'], /--s3 takes bucket\/key=file/],
      [['--s3', `orders/x=${join(dir, 'nope.csv')}`], /the S3 object file .*nope\.csv does not exist/],
      [['--s3-dir', join(dir, 'no-such-dir')], /--s3-dir .* does not exist/],
    ] as const) {
      const { out, io } = capture();
      expect(await run([definition, ...args], io)).toBe(2);
      expect(out.stderr).toMatch(message);
    }
  });
});

describe('validate and iam read what run reads', () => {
  it('validate accepts a workflow .ts file', async () => {
    const { out, io } = capture();
    expect(await validate([workflowModule], io)).toBe(0);
    expect(out.stdout).toBe('valid\n');
  });

  it('iam accepts a workflow .ts file, and reports an invalid definition with exit 1', async () => {
    const policy = capture();
    expect(await iam([workflowModule, '--json'], policy.io)).toBe(0);
    expect(JSON.parse(policy.out.stdout)).toMatchObject({ Version: '2012-10-17' });
    const invalid = file('Invalid.asl.json', { StartAt: 'Missing', States: { Send: { Type: 'Task', Resource: sqs, End: true, Bogus: 1 } } });
    const { out, io } = capture();
    expect(await iam([invalid], io)).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain("error /StartAt");
    expect(out.stderr).toContain('Bogus');
    expect(out.stderr).toMatch(/Invalid\.asl\.json: invalid \(\d+ errors\)/);
  });

  it('--type is case-insensitive', async () => {
    const callback = file('Callback.asl.json', { StartAt: 'W', States: { W: { Type: 'Task', Resource: `${sqs}.waitForTaskToken`, End: true } } });
    const { out, io } = capture();
    expect(await validate([callback, '--type', 'express'], io)).toBe(1);
    expect(out.stdout).toContain('EXPRESS_UNSUPPORTED');
    const ran = capture();
    expect(await run([callback, '--type', 'Express'], ran.io)).toBe(2);
    expect(ran.out.stderr).toContain('EXPRESS_UNSUPPORTED');
    const bad = capture();
    expect(await validate([callback, '--type', 'fast'], bad.io)).toBe(2);
    expect(bad.out.stderr).toContain("--type must be STANDARD or EXPRESS, got 'fast'");
  });
});

describe('files the CLI refuses, in words', () => {
  it('a missing file says it does not exist', async () => {
    const { out, io } = capture();
    expect(await validate([join(dir, 'missing.asl.json')], io)).toBe(2);
    expect(out.stderr).toBe(`statecraft validate: ${join(dir, 'missing.asl.json')} does not exist.\n`);
  });

  it('invalid UTF-8 is rejected, not replaced and reported valid', async () => {
    const text = Buffer.from(JSON.stringify({ StartAt: 'P', Comment: 'X', States: { P: { Type: 'Pass', End: true } } }));
    const bad = Buffer.concat([text.subarray(0, 25), Buffer.from([0xff, 0xfe]), text.subarray(26)]);
    const path = file('latin.asl.json', bad);
    const { out, io } = capture();
    expect(await validate([path], io)).toBe(2);
    expect(out.stderr).toMatch(/latin\.asl\.json is not UTF-8 text \(an invalid byte sequence near byte 25\); save it as UTF-8\./);
  });

  it('a FIFO with no writer is refused at once instead of blocking', async () => {
    const fifo = join(dir, 'pipe.asl.json');
    execFileSync('mkfifo', [fifo]);
    const { out, io } = capture();
    expect(await validate([fifo], io)).toBe(2);
    expect(out.stderr).toContain('is not a regular file');
    const ran = capture();
    expect(await run([simple, '--input', `@${fifo}`], ran.io)).toBe(2);
    expect(ran.out.stderr).toContain('the input file');
  });

  it('a deeply nested input is a clear error, no stack trace', async () => {
    const deep = file('deep.json', `${'['.repeat(20_000)}${']'.repeat(20_000)}`);
    const { out, io } = capture();
    expect(await run([simple, '--input', `@${deep}`], io)).toBe(2);
    expect(out.stderr).toMatch(/^statecraft run: the input file .*deep\.json cannot be used: it nests deeper than 1000 levels/);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('statecraft run speaks mock files', () => {
  const mocks = file('MockConfigFile.json', {
    StateMachines: { Simple: { TestCases: { Happy: { Send: 'Sent' }, Typo: { Sned: 'Sent' } } } },
    MockedResponses: { Sent: { '0': { Return: { MessageId: 'm-1' } } } },
  });

  it('a task with no mock gets a mock-file hint, not a JavaScript API call', async () => {
    const { out, io } = capture();
    expect(await run([simple, '--json'], io)).toBe(1);
    const { cause } = JSON.parse(out.stdout);
    expect(cause).toContain("No mock answers the Task state 'Send'");
    expect(cause).toContain('--mocks MockConfigFile.json --test-case NAME');
    expect(cause).toContain('"StateMachines": { "Simple": { "TestCases": { "NAME": { "Send": "SendResponse" } } } }');
    expect(cause).not.toContain('mocks: {');
  });

  it('an activity that does not exist is explained as a mock-file entry too', async () => {
    const activity = file('Activity.asl.json', { StartAt: 'Check', States: { Check: { Type: 'Task', Resource: 'arn:aws:states:us-east-1:123456789012:activity:check', End: true } } });
    const { out, io } = capture();
    expect(await run([activity, '--json'], io)).toBe(1);
    const { cause } = JSON.parse(out.stdout);
    expect(cause).toContain("does not exist. Mock the state instead. Mock it in a MockConfigFile and run with --mocks MockConfigFile.json --test-case NAME");
    expect(cause).not.toContain('createActivity');
  });

  it('--mocks without --test-case lists the test cases', async () => {
    const { out, io } = capture();
    expect(await run([simple, '--mocks', mocks], io)).toBe(2);
    expect(out.stderr).toContain('--mocks needs --test-case NAME');
    expect(out.stderr).toContain('{"Simple":["Happy","Typo"]}');
  });

  it('a test case naming no Task state, or a broken response, is refused before the run, naming the file', async () => {
    const typo = capture();
    expect(await run([simple, '--mocks', mocks, '--test-case', 'Typo'], typo.io)).toBe(2);
    expect(typo.out.stderr).toContain(`the mock file ${mocks} does not fit ${simple}`);
    expect(typo.out.stderr).toContain("test case 'Typo' of state machine 'Simple' mocks 'Sned', which is not a Task state");
    const broken = file('Broken.json', { StateMachines: { Simple: { TestCases: { Happy: { Send: 'Sent' } } } }, MockedResponses: { Sent: { '0': { Throw: 'boom' } } } });
    const bad = capture();
    expect(await run([simple, '--mocks', broken, '--test-case', 'Happy'], bad.io)).toBe(2);
    expect(bad.out.stderr).toContain(`the mock file ${broken} cannot be used`);
    expect(bad.out.stderr).toContain(`mocked response 'Sent', invocation '0' has "Throw": "boom"`);
  });
});

describe('the readable history', () => {
  it('comes back out after a Parallel, and prints variables as JSON once', async () => {
    const definition = file('Parallel.asl.json', {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Next: 'After',
          Branches: [
            { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
            { StartAt: 'B', States: { B: { Type: 'Pass', End: true } } },
          ],
        },
        After: { Type: 'Pass', Assign: { order: { id: 7, tags: ['a'] } }, End: true },
      },
    });
    const { out, io } = capture();
    expect(await run([definition], io)).toBe(0);
    const lines = out.stdout.split('\n');
    const indent = (name: string) => lines.find((l) => l.includes(`▶ ${name} `))!.indexOf('▶');
    expect(indent('A')).toBe(indent('Both') + 2);
    expect(indent('After')).toBe(indent('Both'));
    expect(out.stdout).toContain('vars: {"order":{"id":7,"tags":["a"]}}');
  });
});
