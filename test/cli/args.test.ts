import { describe, expect, expectTypeOf, it } from 'vitest';
import { oneOf, parseCommandArgs, startFileCommand, stateMachineTypeOption, UsageError, wholeNumber } from '../../src/cli/args';
import { run as deploy } from '../../src/cli/commands/deploy';
import { parseServeArgs } from '../../src/cli/commands/serve';
import { run as validate } from '../../src/cli/commands/validate';

const SPEC = {
  name: 'demo',
  options: {
    json: { type: 'boolean' },
    'role-arn': { type: 'string' },
    type: stateMachineTypeOption,
    seed: { type: 'string', parse: wholeNumber(0) },
    endpoint: { type: 'string', multiple: true },
    format: { type: 'string', parse: oneOf(['svg', 'dot'] as const) },
  },
  maxPositionals: 1,
} as const;

const problemOf = (args: string[]): string => {
  try {
    parseCommandArgs(SPEC, args);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`no usage error for ${JSON.stringify(args)}`);
};

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

describe('parseCommandArgs', () => {
  it('gives typed values in camelCase, with defaults for flags and repeatable options', () => {
    const parsed = parseCommandArgs(SPEC, ['m.asl.json', '--role-arn', 'arn:r', '--type=express', '--seed', '7', '--endpoint', 'a=1', '--endpoint=b=2']);
    expect(parsed).toEqual({
      values: { roleArn: 'arn:r', type: 'EXPRESS', seed: 7, endpoint: ['a=1', 'b=2'], json: false },
      positionals: ['m.asl.json'],
      help: false,
    });
    expectTypeOf(parsed.values.roleArn).toEqualTypeOf<string | undefined>();
    expectTypeOf(parsed.values.type).toEqualTypeOf<'STANDARD' | 'EXPRESS' | undefined>();
    expectTypeOf(parsed.values.seed).toEqualTypeOf<number | undefined>();
    expectTypeOf(parsed.values.endpoint).toEqualTypeOf<string[]>();
    expectTypeOf(parsed.values.json).toEqualTypeOf<boolean>();
    expectTypeOf(parsed.values.format).toEqualTypeOf<'svg' | 'dot' | undefined>();
    // @ts-expect-error: options are read by their camelCase names only
    void parsed.values['role-arn'];
  });

  it('names an unknown option and where to look', () => {
    expect(problemOf(['--colour'])).toBe("unknown option --colour; see 'statecraft demo --help'.");
    expect(problemOf(['--colour=red'])).toBe("unknown option --colour; see 'statecraft demo --help'.");
    expect(problemOf(['-x'])).toBe("unknown option -x; see 'statecraft demo --help'.");
  });

  it('refuses an option without its value: at the end, empty, or followed by another option', () => {
    expect(problemOf(['--role-arn'])).toBe('--role-arn needs a value.');
    expect(problemOf(['--role-arn='])).toBe('--role-arn needs a value.');
    expect(problemOf(['--role-arn', '--json'])).toBe('--role-arn needs a value (got the option --json; write --role-arn=--json if that is the value).');
    expect(parseCommandArgs(SPEC, ['--role-arn=--json']).values.roleArn).toBe('--json');
  });

  it('refuses a value given to a flag', () => {
    expect(problemOf(['--json=yes'])).toBe("--json takes no value (got 'yes').");
  });

  it('refuses a non-repeatable option given twice, and keeps every repeatable one', () => {
    expect(problemOf(['--role-arn', 'a', '--role-arn', 'b'])).toBe('--role-arn was given twice; give it once.');
    expect(parseCommandArgs(SPEC, ['--endpoint', 'x', '--endpoint', 'y', '--endpoint', 'z']).values.endpoint).toEqual(['x', 'y', 'z']);
  });

  it("words a value its option refuses with the option's name", () => {
    expect(problemOf(['--type', 'fast'])).toBe("--type must be STANDARD or EXPRESS, got 'fast'.");
    expect(problemOf(['--seed', '-1'])).toBe("--seed needs a whole number >= 0, got '-1'.");
    expect(problemOf(['--format', 'png'])).toBe("--format must be svg or dot, got 'png'.");
  });

  it('counts positionals, and takes everything after -- as one', () => {
    expect(problemOf(['a.json', 'b.json'])).toBe("only one file, got 'a.json' and 'b.json'.");
    expect(parseCommandArgs(SPEC, ['--', '--odd-name.json']).positionals).toEqual(['--odd-name.json']);
    expect(() => parseCommandArgs({ name: 'x', options: {} }, ['stray'])).toThrow("unexpected argument 'stray'; see 'statecraft x --help'.");
  });

  it('lets --help (or -h) win over missing files and extra arguments', () => {
    expect(parseCommandArgs(SPEC, ['a', 'b', '-h']).help).toBe(true);
    expect(parseCommandArgs(SPEC, ['--help']).help).toBe(true);
  });
});

describe('startFileCommand', () => {
  const spec = { ...SPEC, usage: 'Usage: statecraft demo <file>\n', missingFile: 'which file?' };

  it('prints the problem and the usage on stderr and exits 2', () => {
    const { out, io } = capture();
    expect(startFileCommand(spec, ['--nope'], io)).toBe(2);
    expect(out.stderr).toBe("statecraft demo: unknown option --nope; see 'statecraft demo --help'.\n\nUsage: statecraft demo <file>\n");
    expect(out.stdout).toBe('');
  });

  it('asks for the missing file, and prints the usage on stdout for --help (exit 0)', () => {
    const missing = capture();
    expect(startFileCommand(spec, ['--json'], missing.io)).toBe(2);
    expect(missing.out.stderr).toMatch(/^statecraft demo: which file\?\n/);
    const help = capture();
    expect(startFileCommand(spec, ['--help'], help.io)).toBe(0);
    expect(help.out.stdout).toBe(spec.usage);
  });

  it('returns the file with the values', () => {
    const { io } = capture();
    const parsed = startFileCommand(spec, ['m.json', '--json'], io);
    expect(parsed).toMatchObject({ file: 'm.json', values: { json: true } });
  });
});

describe('every command speaks the same errors', () => {
  it('validate and deploy name the unknown option and their own help', async () => {
    const v = capture();
    expect(await validate(['m.asl.json', '--strict'], v.io)).toBe(2);
    expect(v.out.stderr).toMatch(/^statecraft validate: unknown option --strict; see 'statecraft validate --help'\.\n\nUsage: statecraft validate/);
    const d = capture();
    expect(await deploy(['m.asl.json', '--role-arn', 'arn:aws:iam::1:role/r', '--force'], d.io)).toBe(2);
    expect(d.out.stderr).toMatch(/^statecraft deploy: unknown option --force; see 'statecraft deploy --help'\./);
  });

  it('serve keeps repeated --endpoint flags and refuses a malformed one', () => {
    const parsed = parseServeArgs(['--endpoint', 'lambda=http://127.0.0.1:3001', '--endpoint=sqs=http://127.0.0.1:3002'], {});
    expect(parsed).toMatchObject({ endpoints: { lambda: 'http://127.0.0.1:3001', sqs: 'http://127.0.0.1:3002' } });
    expect(parseServeArgs(['--endpoint', 'lambda'], {})).toBe("--endpoint needs SERVICE=URL (e.g. lambda=http://127.0.0.1:3001), got 'lambda'.");
    expect(parseServeArgs(['--port', '70000'], {})).toBe("--port needs a whole number from 0 to 65535, got '70000'.");
    expect(parseServeArgs(['--port', '1', '--port', '2'], {})).toBe('--port was given twice; give it once.');
  });
});
