/**
 * Syntax of ASL intrinsic function calls (`States.Format('{} x', $.a)`), the value of a `.$` field
 * in a JSONPath state. Parsing only: the validator uses it to check definitions, the interpreter
 * (`src/interpreter/intrinsics`) to evaluate them.
 *
 * Grammar (ASL spec "Intrinsic Functions" and the Developer Guide):
 * ```
 * call     := name '(' [ argument { ',' argument } ] ')'
 * name     := [A-Za-z0-9._]+            (the 18 built-ins all start with `States.`)
 * argument := 'string' | number | true | false | null | path | call
 * path     := '$' ...                   ($.x, $$.x, $var.x; brackets may hold quoted ',' or ')')
 * ```
 * Inside a string literal the characters `'`, `{`, `}` and `\` are reserved: `\'`, `\{`, `\}` and
 * `\\` write them literally; any other escape (e.g. `\"`) is rejected, as AWS rejects it.
 */

import { jsonPathProblem, parsePath, scanToClose } from './json-path';

export type IntrinsicArg =
  | {
      kind: 'string';
      /** The string with escapes resolved. */
      value: string;
      /**
       * The text between the quotes with escapes kept. `States.Format` needs it: `{}` is a
       * placeholder there, while `\{\}` is a literal pair of braces.
       */
      raw: string;
    }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  /** `$.x`, `$$.x`, `$var.x`: evaluated with `preparePath` (src/interpreter/jsonpath/evaluate-path.ts). */
  | { kind: 'path'; path: string }
  | { kind: 'call'; call: IntrinsicCall };

export interface IntrinsicCall {
  name: string;
  args: IntrinsicArg[];
}

/** A `.$` value that is not a well-formed call of a known intrinsic function. */
export class IntrinsicSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IntrinsicSyntaxError';
  }
}

/** Calls may nest this deep (Developer Guide: "up to 10 levels"). */
export const MAX_INTRINSIC_NESTING = 10;

/** The built-in intrinsic functions and how many arguments each accepts. */
export const INTRINSIC_FUNCTIONS: Readonly<Record<string, { minArgs: number; maxArgs: number }>> = Object.freeze({
  'States.Format': { minArgs: 1, maxArgs: Infinity },
  'States.StringToJson': { minArgs: 1, maxArgs: 1 },
  'States.JsonToString': { minArgs: 1, maxArgs: 1 },
  'States.Array': { minArgs: 0, maxArgs: Infinity },
  'States.ArrayPartition': { minArgs: 2, maxArgs: 2 },
  'States.ArrayContains': { minArgs: 2, maxArgs: 2 },
  'States.ArrayRange': { minArgs: 3, maxArgs: 3 },
  'States.ArrayGetItem': { minArgs: 2, maxArgs: 2 },
  'States.ArrayLength': { minArgs: 1, maxArgs: 1 },
  'States.ArrayUnique': { minArgs: 1, maxArgs: 1 },
  'States.Base64Encode': { minArgs: 1, maxArgs: 1 },
  'States.Base64Decode': { minArgs: 1, maxArgs: 1 },
  'States.Hash': { minArgs: 2, maxArgs: 2 },
  'States.JsonMerge': { minArgs: 3, maxArgs: 3 },
  'States.MathRandom': { minArgs: 2, maxArgs: 3 },
  'States.MathAdd': { minArgs: 2, maxArgs: 2 },
  'States.StringSplit': { minArgs: 2, maxArgs: 2 },
  'States.UUID': { minArgs: 0, maxArgs: 0 },
});

const NAME_CHAR = /[A-Za-z0-9._]/;
const LOOKS_LIKE_CALL = /^\s*[A-Za-z_][A-Za-z0-9._]*\s*\(/;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const STRING_ESCAPES = new Set(["'", '{', '}', '\\']);

/**
 * Cheap test whether a `.$` value is meant as an intrinsic call (a name followed by `(`) rather
 * than a JSONPath. It does not check the call is well formed; {@link parseIntrinsic} does.
 *
 * @example
 * looksLikeIntrinsic("States.Array($.a)"); // true
 * looksLikeIntrinsic('$.a');               // false
 */
export function looksLikeIntrinsic(text: string): boolean {
  return LOOKS_LIKE_CALL.test(text);
}

/**
 * Parses an intrinsic call, checking the function exists, its argument count and the nesting
 * depth. Throws {@link IntrinsicSyntaxError} saying what is wrong and where.
 *
 * @example
 * parseIntrinsic("States.Format('Hi {}', $.name)");
 * // { name: 'States.Format', args: [{ kind: 'string', value: 'Hi {}', raw: 'Hi {}' }, { kind: 'path', path: '$.name' }] }
 */
export function parseIntrinsic(text: string): IntrinsicCall {
  const parser = new IntrinsicParser(text);
  return parser.parseWhole();
}

/** Recursive descent over the text; one instance per parse. */
class IntrinsicParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parseWhole(): IntrinsicCall {
    this.skipSpace();
    const call = this.parseCall(1);
    this.skipSpace();
    if (this.pos < this.text.length) {
      this.fail(`unexpected '${this.text.slice(this.pos)}' after the closing ')' of ${call.name}`);
    }
    return call;
  }

  private parseCall(depth: number): IntrinsicCall {
    const start = this.pos;
    while (this.pos < this.text.length && NAME_CHAR.test(this.text[this.pos])) this.pos++;
    const name = this.text.slice(start, this.pos);
    if (name === '') this.fail('expected a function name such as States.Format', start);
    if (depth > MAX_INTRINSIC_NESTING) {
      this.fail(`intrinsic calls nest more than ${MAX_INTRINSIC_NESTING} levels deep`, start);
    }
    const spec = INTRINSIC_FUNCTIONS[name];
    if (!spec) {
      this.fail(`unknown intrinsic function '${name}' (known: ${Object.keys(INTRINSIC_FUNCTIONS).join(', ')})`, start);
    }
    this.skipSpace();
    this.expect('(', `expected '(' after ${name}`);
    const args = this.parseArguments(name, depth);
    if (args.length < spec.minArgs || args.length > spec.maxArgs) {
      this.fail(`${name} takes ${arityText(spec)}, got ${args.length}`, start);
    }
    return { name, args };
  }

  private parseArguments(name: string, depth: number): IntrinsicArg[] {
    const args: IntrinsicArg[] = [];
    this.skipSpace();
    if (this.peek() === ')') {
      this.pos++;
      return args;
    }
    for (;;) {
      this.skipSpace();
      args.push(this.parseArgument(name, depth));
      this.skipSpace();
      const ch = this.peek();
      if (ch === ',') {
        this.pos++;
        continue;
      }
      if (ch === ')') {
        this.pos++;
        return args;
      }
      if (ch === undefined) this.fail(`missing ')' to close ${name}(`);
      this.fail(`expected ',' or ')' in the arguments of ${name}, found '${ch}'`);
    }
  }

  private parseArgument(name: string, depth: number): IntrinsicArg {
    const ch = this.peek();
    if (ch === undefined) this.fail(`missing argument or ')' for ${name}(`);
    if (ch === "'") return this.parseString();
    if (ch === '$') return { kind: 'path', path: this.parsePath() };
    if (ch === '-' || (ch >= '0' && ch <= '9')) return this.parseNumber();
    const word = /^[A-Za-z0-9._]+/.exec(this.text.slice(this.pos))?.[0];
    if (word === 'true' || word === 'false' || word === 'null') {
      const after = this.text.slice(this.pos + word.length).trimStart()[0];
      if (after !== '(') {
        this.pos += word.length;
        return word === 'null' ? { kind: 'null' } : { kind: 'boolean', value: word === 'true' };
      }
    }
    if (word) return { kind: 'call', call: this.parseCall(depth + 1) };
    if (ch === ',' || ch === ')') this.fail(`empty argument in ${name}(...)`);
    return this.fail(
      `unexpected '${ch}' in the arguments of ${name}: an argument is a 'quoted string', a number, true, false, null, a path ($...) or a nested call`,
    );
  }

  private parseString(): IntrinsicArg {
    const open = this.pos;
    this.pos++;
    let value = '';
    let raw = '';
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === "'") {
        this.pos++;
        return { kind: 'string', value, raw };
      }
      if (ch === '\\') {
        const next = this.text[this.pos + 1];
        if (next === undefined) this.fail("dangling '\\' at the end of a string literal", this.pos);
        if (!STRING_ESCAPES.has(next)) {
          this.fail(`invalid escape '\\${next}' in a string literal: only \\', \\{, \\} and \\\\ are allowed`, this.pos);
        }
        value += next;
        raw += ch + next;
        this.pos += 2;
        continue;
      }
      value += ch;
      raw += ch;
      this.pos++;
    }
    return this.fail("unterminated string literal (missing closing ')", open);
  }

  private parseNumber(): IntrinsicArg {
    const match = NUMBER.exec(this.text.slice(this.pos));
    if (!match) return this.fail('malformed number');
    this.pos += match[0].length;
    const next = this.peek();
    if (next !== undefined && /[A-Za-z0-9._]/.test(next)) this.fail(`malformed number '${match[0]}${next}'`);
    return { kind: 'number', value: Number(match[0]) };
  }

  /** A path runs to the first ',' or ')' outside brackets, parentheses (filters) and quotes. */
  private parsePath(): string {
    const start = this.pos;
    const { end, balanced } = scanToClose(this.text, start, true);
    this.pos = end;
    if (!balanced) this.fail('unterminated path argument (unbalanced brackets or quotes)', start);
    const path = this.text.slice(start, this.pos).trimEnd();
    if (!parsePath(path)) this.fail(`'${path}' is not a path: use $.field, $$.Context.Field or $variable.field`, start);
    const syntax = jsonPathProblem(parsePath(path)!.relative);
    if (syntax !== undefined) this.fail(`the path '${path}' is invalid: ${syntax}`, start);
    return path;
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  private peek(): string | undefined {
    return this.text[this.pos];
  }

  private expect(ch: string, message: string): void {
    if (this.peek() !== ch) this.fail(message);
    this.pos++;
  }

  private fail(problem: string, at = this.pos): never {
    throw new IntrinsicSyntaxError(`Invalid intrinsic function call '${this.text}': ${problem} (at character ${at + 1})`);
  }
}

function arityText({ minArgs, maxArgs }: { minArgs: number; maxArgs: number }): string {
  if (minArgs === maxArgs) return `exactly ${minArgs} argument${minArgs === 1 ? '' : 's'}`;
  if (maxArgs === Infinity) return `at least ${minArgs} argument${minArgs === 1 ? '' : 's'}`;
  return `${minArgs} to ${maxArgs} arguments`;
}
