/**
 * The one argument parser of every `statecraft <command>`: a command declares its options as data
 * and gets typed values back, with the same errors everywhere (unknown option, missing value, a
 * flag given twice that is not repeatable, a value its option refuses). Built on Node's
 * `util.parseArgs` tokens; the checks Node leaves to us (in `strict: false` mode, which we need to
 * word the errors ourselves) are done here.
 */
import { parseArgs } from 'node:util';
import type { CommandIo } from './command';

/** A flag without a value (`--json`). */
export interface FlagOption {
  type: 'boolean';
  /** One-letter alias (`h` for `-h`). */
  short?: string;
}

/** An option with a value (`--name X` or `--name=X`). */
export interface ValueOption<T = string> {
  type: 'string';
  short?: string;
  /** Repeatable: every occurrence is kept, in order (`--endpoint a=… --endpoint b=…`). */
  multiple?: boolean;
  /** Turns the text into the option's value; throws {@link UsageError} to refuse it. */
  parse?: (text: string, flag: string) => T;
}

export type OptionSpec = FlagOption | ValueOption<unknown>;

/** A refused argument; its message is shown after `statecraft <command>: `, then the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
type ValueOf<O> = O extends { parse: (text: string, flag: string) => infer T } ? T : string;

/** The parsed values, keyed by the options' names in camelCase (`--role-arn` → `roleArn`). */
export type OptionValues<S extends Record<string, OptionSpec>> = {
  [K in keyof S & string as Camel<K>]: S[K] extends FlagOption ? boolean : S[K] extends { multiple: true } ? ValueOf<S[K]>[] : ValueOf<S[K]> | undefined;
};

/** What a command accepts besides its options. */
export interface CommandSpec<S extends Record<string, OptionSpec>> {
  /** The command's name, for messages (`deploy`). */
  name: string;
  /** Its options by long name, without `--`; `--help`/`-h` is always added. */
  options: S;
  /** How many positional arguments at most (default 0); more is an error. */
  maxPositionals?: number;
}

/** The outcome of parsing: the values and positionals, or `help: true`. */
export interface ParsedCommand<S extends Record<string, OptionSpec>> {
  values: OptionValues<S>;
  positionals: string[];
  help: boolean;
}

const camel = (name: string): string => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * Parses `args` against `spec`. Throws {@link UsageError} for an unknown option, an option
 * without its value, a value given to a flag, a non-repeatable option given twice, too many
 * positionals, or a value its option's `parse` refuses. `--help` anywhere wins over the rest
 * (except unknown options), so `statecraft x --help` always shows the usage.
 *
 * @example
 * const spec = { name: 'demo', options: { json: { type: 'boolean' }, 'role-arn': { type: 'string' } }, maxPositionals: 1 } as const;
 * const { values, positionals } = parseCommandArgs(spec, ['file.json', '--role-arn', 'arn:…']);
 * values.roleArn; // 'arn:…'
 */
export function parseCommandArgs<const S extends Record<string, OptionSpec>>(spec: CommandSpec<S>, args: readonly string[]): ParsedCommand<S> {
  const declared: Record<string, OptionSpec> = { ...spec.options, help: { type: 'boolean', short: 'h' } };
  const nodeOptions = Object.fromEntries(
    Object.entries(declared).map(([name, option]) => [name, option.short ? { type: option.type, short: option.short } : { type: option.type }]),
  );
  const { tokens } = parseArgs({ args: [...args], options: nodeOptions, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, unknown> = {};
  const seen = new Set<string>();
  const positionals: string[] = [];
  let help = false;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    const option = Object.hasOwn(declared, token.name) ? declared[token.name] : undefined;
    const flag = token.rawName.startsWith('--') ? token.rawName : `-${token.name}`;
    if (!option) throw new UsageError(`unknown option ${token.rawName}; see 'statecraft ${spec.name} --help'.`);
    if (option.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${flag} takes no value (got '${token.value}').`);
      if (token.name === 'help') help = true;
      else values[camel(token.name)] = true;
      continue;
    }
    const text = token.value;
    if (text === undefined || text === '') throw new UsageError(`${flag} needs a value.`);
    // Node takes the next argument as the value even when it is another option: `--name --json`.
    if (!token.inlineValue && text.startsWith('--')) {
      throw new UsageError(`${flag} needs a value (got the option ${text}; write ${flag}=${text} if that is the value).`);
    }
    if (seen.has(token.name) && !option.multiple) throw new UsageError(`${flag} was given twice; give it once.`);
    seen.add(token.name);
    const value = option.parse ? option.parse(text, flag) : text;
    const key = camel(token.name);
    if (option.multiple) ((values[key] ??= []) as unknown[]).push(value);
    else values[key] = value;
  }
  for (const [name, option] of Object.entries(spec.options)) {
    const key = camel(name);
    if (option.type === 'boolean') values[key] ??= false;
    else if (option.type === 'string' && option.multiple) values[key] ??= [];
  }
  const max = spec.maxPositionals ?? 0;
  if (!help && positionals.length > max) {
    throw new UsageError(
      max === 0
        ? `unexpected argument '${positionals[0]}'; see 'statecraft ${spec.name} --help'.`
        : max === 1
          ? `only one file, got '${positionals[0]}' and '${positionals[1]}'.`
          : `at most ${max} arguments, got ${positionals.length}.`,
    );
  }
  return { values: values as OptionValues<S>, positionals, help };
}

/**
 * The start every command shares: parses `args`; a {@link UsageError} → the problem and the usage
 * on stderr, exit 2; `--help` → the usage on stdout, exit 0. Returns the exit code to stop with,
 * or the parsed values and positionals. `check` runs after parsing (not for `--help`) for rules
 * between options; it throws {@link UsageError} too.
 *
 * @example
 * const parsed = startCommand({ name: 'deploy', usage: USAGE, options: { json: { type: 'boolean' } } }, args, io);
 * if (typeof parsed === 'number') return parsed;
 */
export function startCommand<const S extends Record<string, OptionSpec>>(
  spec: CommandSpec<S> & { usage: string; check?: (parsed: ParsedCommand<S>) => void },
  args: readonly string[],
  io: CommandIo,
): number | ParsedCommand<S> {
  try {
    const parsed = parseCommandArgs(spec, args);
    if (parsed.help) {
      io.stdout(spec.usage);
      return 0;
    }
    spec.check?.(parsed);
    return parsed;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`statecraft ${spec.name}: ${error.message}\n\n${spec.usage}`);
    return 2;
  }
}

/**
 * {@link startCommand} for a command that reads one file: also refuses a missing file with
 * `missingFile`, and returns it as `file`.
 *
 * @example
 * const parsed = startFileCommand({ name: 'validate', usage: USAGE, missingFile: 'which ASL file?', options: {} }, args, io);
 * if (typeof parsed === 'number') return parsed;
 * parsed.file; // string
 */
export function startFileCommand<const S extends Record<string, OptionSpec>>(
  spec: CommandSpec<S> & { usage: string; missingFile: string; check?: (parsed: ParsedCommand<S>) => void },
  args: readonly string[],
  io: CommandIo,
): number | (ParsedCommand<S> & { file: string }) {
  const parsed = startCommand(
    {
      ...spec,
      maxPositionals: 1,
      check: (p) => {
        if (p.positionals.length === 0) throw new UsageError(spec.missingFile);
        spec.check?.(p);
      },
    },
    args,
    io,
  );
  return typeof parsed === 'number' ? parsed : { ...parsed, file: parsed.positionals[0] };
}

/**
 * A `parse` for an option with a fixed set of values (compared as written).
 *
 * @example
 * const format = { type: 'string', parse: oneOf(['svg', 'dot'] as const) } as const;
 */
export function oneOf<const T extends string>(choices: readonly T[], transform: (text: string) => string = (t) => t): (text: string, flag: string) => T {
  return (text, flag) => {
    const value = transform(text);
    if ((choices as readonly string[]).includes(value)) return value as T;
    const list = choices.length === 1 ? choices[0] : `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
    throw new UsageError(`${flag} must be ${list}, got '${text}'.`);
  };
}

/**
 * A `parse` for a whole number from `min` to `max`.
 *
 * @example
 * const seed = { type: 'string', parse: wholeNumber(0) } as const;
 */
export function wholeNumber(min = 0, max = Number.MAX_SAFE_INTEGER): (text: string, flag: string) => number {
  return (text, flag) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new UsageError(max === Number.MAX_SAFE_INTEGER ? `${flag} needs a whole number >= ${min}, got '${text}'.` : `${flag} needs a whole number from ${min} to ${max}, got '${text}'.`);
    }
    return n;
  };
}

/**
 * `--type <STANDARD|EXPRESS>`, in any case (`express`, `Standard`), as users type it.
 *
 * @example
 * const options = { type: stateMachineTypeOption } as const;
 */
export const stateMachineTypeOption = { type: 'string', parse: oneOf(['STANDARD', 'EXPRESS'] as const, (text) => text.toUpperCase()) } as const;
