/**
 * JSONPath filter expressions (`[?( … )]`) as data, never as code.
 *
 * AWS evaluates paths with Jayway JsonPath (Java), whose filters are a small predicate language
 * (asl-reference §2.2): operands are `@`-relative paths, `$`-rooted paths and literals; operators
 * `==`, `!=`, `<`, `<=`, `>`, `>=`, `=~`, `in`, `nin`, `subsetof`, `anyof`, `noneof`, `size`, `empty`;
 * `&&`, `||`, `!` and parentheses; a path alone tests existence. This module parses exactly that
 * grammar into a tree the interpreter walks (`src/interpreter/jsonpath/query-path.ts`); anything else
 * (calls, assignments, `constructor[...]`, backticks, unquoted words) is a syntax error the validator
 * reports. No JavaScript is ever evaluated: this replaces jsonpath-plus's "safe" evaluator, which
 * could be escaped to run shell commands (issue 8).
 */
import type { Json } from './types';

export type FilterPathStep = string | number;

/** `@…` (the item being tested) or `$…` (the document the whole path reads). */
export interface FilterPath {
  kind: 'path';
  root: '@' | '$';
  steps: FilterPathStep[];
  /** Ends in `.length()`: the length of the array/string (or member count of the object). */
  length: boolean;
}

export type FilterOperand = FilterPath | { kind: 'literal'; value: Json } | { kind: 'regex'; regex: RegExp };

export type ComparisonOperator =
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '=~'
  | 'in'
  | 'nin'
  | 'subsetof'
  | 'anyof'
  | 'noneof'
  | 'size'
  | 'empty';

export type FilterExpression =
  | { kind: 'or' | 'and'; left: FilterExpression; right: FilterExpression }
  | { kind: 'not'; operand: FilterExpression }
  | { kind: 'exists'; path: FilterPath }
  | { kind: 'compare'; operator: ComparisonOperator; left: FilterOperand; right: FilterOperand };

const SYMBOL_OPERATORS = ['==', '!=', '<=', '>=', '=~', '<', '>'] as const;
const WORD_OPERATORS: ReadonlySet<string> = new Set(['in', 'nin', 'subsetof', 'anyof', 'noneof', 'size', 'empty']);

/** Filters nest at most this deep (parentheses, `!`): a bound on the parser's recursion. */
const MAX_FILTER_NESTING = 50;

const GRAMMAR =
  "a filter compares @ or $ paths (@.a, @['a b'], @[0], @.list.length()) with literals ('text', \"text\", numbers, true, false, null, [arrays]) using ==, !=, <, <=, >, >=, =~ /regex/, in, nin, subsetof, anyof, noneof, size, empty, combined with &&, || , ! and parentheses; a path alone tests that the member exists";

export class FilterSyntaxError extends Error {}

/**
 * Parses the text between `[?(` and `)]`. Throws {@link FilterSyntaxError} with a reason.
 *
 * @example
 * parseFilter("@.status == 'ok' && @.n > 2");
 */
export function parseFilter(text: string): FilterExpression {
  return new FilterParser(text).parseAll();
}

/** Why the filter text is invalid, or `undefined` when it parses. */
export function filterProblem(text: string): string | undefined {
  try {
    parseFilter(text);
    return undefined;
  } catch (thrown) {
    if (thrown instanceof FilterSyntaxError) return thrown.message;
    throw thrown;
  }
}

const NAME_CHAR = /[^\s.[\]()=!<>&|'"~,/@$]/u;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;

class FilterParser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly text: string) {}

  parseAll(): FilterExpression {
    this.skipSpace();
    if (this.pos >= this.text.length) this.fail('the filter is empty');
    const expression = this.parseOr();
    this.skipSpace();
    if (this.pos < this.text.length) this.fail(`unexpected '${this.text.slice(this.pos, this.pos + 12)}'`);
    return expression;
  }

  private parseOr(): FilterExpression {
    let left = this.parseAnd();
    while (this.eat('||')) left = { kind: 'or', left, right: this.parseAnd() };
    return left;
  }

  private parseAnd(): FilterExpression {
    let left = this.parseUnary();
    while (this.eat('&&')) left = { kind: 'and', left, right: this.parseUnary() };
    return left;
  }

  private parseUnary(): FilterExpression {
    this.skipSpace();
    if (this.text[this.pos] === '!' && this.text[this.pos + 1] !== '=') {
      this.pos++;
      return this.nested(() => ({ kind: 'not', operand: this.parseUnary() }));
    }
    if (this.text[this.pos] === '(') {
      this.pos++;
      const inner = this.nested(() => this.parseOr());
      if (!this.eat(')')) this.fail("missing ')'");
      return inner;
    }
    return this.parseComparison();
  }

  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_FILTER_NESTING) this.fail(`the filter nests deeper than ${MAX_FILTER_NESTING} levels`);
    const result = parse();
    this.depth--;
    return result;
  }

  private parseComparison(): FilterExpression {
    const left = this.parseOperand(false);
    const operator = this.parseOperator();
    if (!operator) {
      if (left.kind !== 'path') this.fail('a literal alone is not a test: compare it with a path, e.g. @.a == 1');
      return { kind: 'exists', path: left };
    }
    this.skipSpace();
    if (this.pos >= this.text.length || this.text[this.pos] === ')' || this.startsWithAny(['&&', '||'])) {
      this.fail(`expected a value after '${operator}'`);
    }
    const right = this.parseOperand(operator === '=~');
    if (operator === '=~' && right.kind !== 'regex') this.fail("'=~' needs a regular expression literal on the right, e.g. @.name =~ /^a.*/i");
    if (left.kind === 'regex') this.fail('a regular expression can only appear on the right of =~');
    return { kind: 'compare', operator, left, right };
  }

  private parseOperator(): ComparisonOperator | undefined {
    this.skipSpace();
    for (const op of SYMBOL_OPERATORS) if (this.text.startsWith(op, this.pos)) {
      this.pos += op.length;
      return op;
    }
    const word = /^[A-Za-z]+/.exec(this.text.slice(this.pos))?.[0];
    if (word && WORD_OPERATORS.has(word)) {
      this.pos += word.length;
      return word as ComparisonOperator;
    }
    return undefined;
  }

  private parseOperand(allowRegex: boolean): FilterOperand {
    this.skipSpace();
    const ch = this.text[this.pos];
    if (ch === '@' || ch === '$') return this.parsePath();
    if (ch === "'" || ch === '"') return { kind: 'literal', value: this.parseString() };
    if (ch === '[') return { kind: 'literal', value: this.parseArray() };
    if (ch === '/' && allowRegex) return this.parseRegex();
    const number = NUMBER.exec(this.text.slice(this.pos))?.[0];
    if (number !== undefined) {
      this.pos += number.length;
      if (this.pos < this.text.length && /[\w.]/.test(this.text[this.pos])) this.fail(`malformed number '${number}${this.text[this.pos]}'`);
      return { kind: 'literal', value: Number(number) };
    }
    const word = /^[A-Za-z_][\w]*/.exec(this.text.slice(this.pos))?.[0];
    if (word === 'true' || word === 'false' || word === 'null') {
      this.pos += word.length;
      return { kind: 'literal', value: word === 'null' ? null : word === 'true' };
    }
    if (word) this.fail(`'${word}' is not a value: quote strings ('${word}'), or read a member with @.${word}`);
    if (ch === undefined) this.fail('the filter ends where a value was expected');
    return this.fail(`unexpected '${ch}'`);
  }

  private parsePath(): FilterPath {
    const root = this.text[this.pos] as '@' | '$';
    this.pos++;
    const steps: FilterPathStep[] = [];
    let length = false;
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === '.') {
        this.pos++;
        let name = '';
        while (this.pos < this.text.length && NAME_CHAR.test(this.text[this.pos])) name += this.text[this.pos++];
        if (name === '') this.fail(`expected a member name after '.' in a ${root} path`);
        if (this.text[this.pos] === '(') {
          if (name !== 'length' || this.text[this.pos + 1] !== ')') {
            this.fail(`'${name}(' is not supported in a filter: the only function is length()`);
          }
          this.pos += 2;
          length = true;
          break;
        }
        if (name === '*') this.fail('wildcards are not supported inside a filter path');
        steps.push(name);
      } else if (ch === '[') {
        this.pos++;
        this.skipSpace();
        const q = this.text[this.pos];
        if (q === "'" || q === '"') steps.push(this.parseString());
        else {
          const index = /^-?\d+/.exec(this.text.slice(this.pos))?.[0];
          if (index === undefined) this.fail(`inside a filter path, [...] holds a quoted member name or an index`);
          this.pos += index.length;
          steps.push(Number(index));
        }
        this.skipSpace();
        if (!this.eat(']')) this.fail("missing ']' in a filter path");
      } else {
        break;
      }
    }
    if (this.text[this.pos] === '(') this.fail(`calls are not supported in a filter`);
    return { kind: 'path', root, steps, length };
  }

  /** A quoted string; `\` escapes the next character (Jayway's rule). */
  private parseString(): string {
    const quote = this.text[this.pos];
    const open = this.pos;
    this.pos++;
    let value = '';
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === quote) {
        this.pos++;
        return value;
      }
      if (ch === '\\' && this.pos + 1 < this.text.length) {
        value += this.text[this.pos + 1];
        this.pos += 2;
        continue;
      }
      value += ch;
      this.pos++;
    }
    return this.fail('unterminated string', open);
  }

  /** A JSON-like array literal of strings, numbers, booleans and null (for `in`, `anyof`, ...). */
  private parseArray(): Json[] {
    this.pos++;
    const items: Json[] = [];
    this.skipSpace();
    if (this.eat(']')) return items;
    for (;;) {
      const item = this.parseOperand(false);
      if (item.kind !== 'literal') this.fail('an array literal in a filter holds only literals');
      items.push(item.value);
      if (this.eat(',')) continue;
      if (this.eat(']')) return items;
      this.fail("expected ',' or ']' in an array literal");
    }
  }

  private parseRegex(): FilterOperand {
    const open = this.pos;
    this.pos++;
    let source = '';
    while (this.pos < this.text.length && this.text[this.pos] !== '/') {
      if (this.text[this.pos] === '\\' && this.pos + 1 < this.text.length) source += this.text[this.pos++];
      source += this.text[this.pos++];
    }
    if (!this.eat('/')) this.fail('unterminated regular expression', open);
    const flags = /^[a-z]*/.exec(this.text.slice(this.pos))?.[0] ?? '';
    this.pos += flags.length;
    if (!/^[ims]*$/.test(flags)) this.fail(`unsupported regular expression flags '${flags}' (use i, m or s)`);
    try {
      // Compiling is safe (nothing runs); it checks the syntax now rather than at run time.
      return { kind: 'regex', regex: new RegExp(source, flags) };
    } catch (thrown) {
      return this.fail(`invalid regular expression /${source}/: ${(thrown as Error).message}`, open);
    }
  }

  private eat(token: string): boolean {
    this.skipSpace();
    if (!this.text.startsWith(token, this.pos)) return false;
    this.pos += token.length;
    return true;
  }

  private startsWithAny(tokens: string[]): boolean {
    return tokens.some((t) => this.text.startsWith(t, this.pos));
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  private fail(problem: string, at = this.pos): never {
    throw new FilterSyntaxError(`the filter '${this.text}' is not valid: ${problem} (at character ${at + 1}); ${GRAMMAR}`);
  }
}
