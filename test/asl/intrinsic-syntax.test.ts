import { describe, expect, it } from 'vitest';
import {
  INTRINSIC_FUNCTIONS,
  IntrinsicSyntaxError,
  looksLikeIntrinsic,
  MAX_INTRINSIC_NESTING,
  parseIntrinsic,
} from '../../src/asl/intrinsic-syntax';
import { EXECUTIONS_FILE, loadExecutionCases } from '../../src/conformance/cases';
import { recordedCasesPresent } from '../support/recorded-cases';

describe('parseIntrinsic', () => {
  it('parses every kind of argument', () => {
    expect(parseIntrinsic("States.Array('a b', -1.5e2, 0, true, false, null, $.x, $$.Execution.Id, $v.y, States.UUID())")).toEqual({
      name: 'States.Array',
      args: [
        { kind: 'string', value: 'a b', raw: 'a b' },
        { kind: 'number', value: -150 },
        { kind: 'number', value: 0 },
        { kind: 'boolean', value: true },
        { kind: 'boolean', value: false },
        { kind: 'null' },
        { kind: 'path', path: '$.x' },
        { kind: 'path', path: '$$.Execution.Id' },
        { kind: 'path', path: '$v.y' },
        { kind: 'call', call: { name: 'States.UUID', args: [] } },
      ],
    });
  });

  it('resolves the four escapes, keeping the raw text for States.Format', () => {
    const [arg] = parseIntrinsic("States.Format('it\\'s \\{\\} a \\\\ {}', 1)").args;
    expect(arg).toEqual({ kind: 'string', value: "it's {} a \\ {}", raw: "it\\'s \\{\\} a \\\\ {}" });
  });

  it('allows unescaped braces and double quotes inside a string literal (recorded)', () => {
    const call = parseIntrinsic("States.JsonMerge(States.StringToJson('{\"constant_in_literal\": \"false\"}'), $$.Execution.Input.input_field, false)");
    expect(call.args[0]).toEqual({
      kind: 'call',
      call: { name: 'States.StringToJson', args: [{ kind: 'string', value: '{"constant_in_literal": "false"}', raw: '{"constant_in_literal": "false"}' }] },
    });
  });

  it('keeps commas, parentheses and quotes that belong to a path', () => {
    expect(parseIntrinsic("States.Array($['a,b'], $.items[?(@.x > 1)], $[\"c)\"][0])").args).toEqual([
      { kind: 'path', path: "$['a,b']" },
      { kind: 'path', path: '$.items[?(@.x > 1)]' },
      { kind: 'path', path: '$["c)"][0]' },
    ]);
  });

  it('tolerates whitespace around names, arguments and commas', () => {
    expect(parseIntrinsic('  States.MathAdd ( $.a ,  1 )  ')).toEqual({
      name: 'States.MathAdd',
      args: [
        { kind: 'path', path: '$.a' },
        { kind: 'number', value: 1 },
      ],
    });
  });

  it(`allows ${MAX_INTRINSIC_NESTING} levels of nesting and no more`, () => {
    const nest = (depth: number) => 'States.Array('.repeat(depth) + ')'.repeat(depth);
    expect(() => parseIntrinsic(nest(MAX_INTRINSIC_NESTING))).not.toThrow();
    expect(() => parseIntrinsic(nest(MAX_INTRINSIC_NESTING + 1))).toThrow(/nest more than 10 levels/);
  });

  it.each([
    // The recorded invalid definition: `\"` is not one of the four escapes.
    ['States.StringToJson(\'{"text":"An \\"escaped double quote\\" here"}\')', /invalid escape '\\"'/],
    ["States.Format('abc\\", /dangling '\\' at the end of a string literal/],
    ["States.Format('abc", /unterminated string literal/],
    ['States.Nope(1)', /unknown intrinsic function 'States.Nope'/],
    ['States.ArrayRange(1, 5)', /States.ArrayRange takes exactly 3 arguments, got 2/],
    ['States.MathRandom(1, 2, 3, 4)', /States.MathRandom takes 2 to 3 arguments, got 4/],
    ['States.UUID(1)', /States.UUID takes exactly 0 arguments, got 1/],
    ['States.Format()', /States.Format takes at least 1 argument, got 0/],
    ['States.ArrayGetItem($.arr, )', /empty argument/],
    ['States.Array(1,, 2)', /empty argument/],
    ['States.Array(1', /missing '\)'/],
    ['States.Array(1) x', /unexpected 'x' after the closing '\)' of States.Array/],
    ['States.Array(1 2)', /expected ',' or '\)'/],
    ['States.Array(01)', /malformed number/],
    ['States.Array(1abc)', /malformed number/],
    ['States.Array(@)', /unexpected '@'/],
    ['States.Array', /expected '\(' after States.Array/],
    ["States.Array($['a)", /unterminated path/],
    ['', /expected a function name/],
    ['States.Array($-x)', /'\$-x' is not a path/],
  ])('rejects %s', (text, message) => {
    expect(() => parseIntrinsic(text)).toThrow(IntrinsicSyntaxError);
    expect(() => parseIntrinsic(text)).toThrow(message);
  });

  it('quotes the whole text and the position in its messages', () => {
    expect(() => parseIntrinsic('States.Array(1 2)')).toThrow(
      "Invalid intrinsic function call 'States.Array(1 2)': expected ',' or ')' in the arguments of States.Array, found '2' (at character 16)",
    );
  });
});

describe('INTRINSIC_FUNCTIONS', () => {
  it('lists the 18 States.* functions', () => {
    expect(Object.keys(INTRINSIC_FUNCTIONS).sort()).toEqual(
      [
        'States.Array',
        'States.ArrayContains',
        'States.ArrayGetItem',
        'States.ArrayLength',
        'States.ArrayPartition',
        'States.ArrayRange',
        'States.ArrayUnique',
        'States.Base64Decode',
        'States.Base64Encode',
        'States.Format',
        'States.Hash',
        'States.JsonMerge',
        'States.JsonToString',
        'States.MathAdd',
        'States.MathRandom',
        'States.StringSplit',
        'States.StringToJson',
        'States.UUID',
      ].sort(),
    );
  });
});

describe('looksLikeIntrinsic', () => {
  it.each([
    ['States.Array($.a)', true],
    ['  States.UUID ()', true],
    ['Custom.Fn(1)', true],
    ['$.a', false],
    ['$$.Execution.Id', false],
    ['$var', false],
    ["$.items[?(@.x == 'a(b')]", false],
    ['', false],
  ])('%j → %j', (text, expected) => {
    expect(looksLikeIntrinsic(text)).toBe(expected);
  });
});

const recorded = recordedCasesPresent('the intrinsics of the recorded definitions', EXECUTIONS_FILE);

describe.skipIf(!recorded)('every `.$` intrinsic AWS accepted in the recorded definitions', () => {
  const values = new Set<string>();
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        // A Pass state's `Result` is data, never evaluated: a `.$` key there is just a key.
        if (key === 'Result') continue;
        if (key.endsWith('.$') && typeof value === 'string' && looksLikeIntrinsic(value)) values.add(value);
        else collect(value);
      }
    }
  };
  if (recorded) for (const c of loadExecutionCases()) collect(c.definition);

  it('parses', () => {
    expect(values.size).toBeGreaterThan(20);
    const failures = [...values].flatMap((text) => {
      try {
        parseIntrinsic(text);
        return [];
      } catch (error) {
        return [(error as Error).message];
      }
    });
    expect(failures).toEqual([]);
  });
});
