import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../src/asl/validate';
import { Interpreter } from '../../src/interpreter';
import { evaluatePath } from '../../src/interpreter/jsonpath/evaluate-path';
import { run } from '../interpreter/run';

/**
 * jsonpath-plus's "safe" filter evaluator could be escaped to run shell commands (issue 8). The
 * payload below writes a marker file if any JavaScript in a filter runs; every variant must be
 * rejected by the validator, and nothing may be written even when the interpreter is handed the
 * document directly.
 */
const dir = mkdtempSync(join(tmpdir(), 'statecraft-rce-'));
const marker = join(dir, 'pwned');
const js = `process.getBuiltinModule("fs").writeFileSync(${JSON.stringify(marker)}, "x");return 0`;
const PAYLOADS = [
  `..[?(@.constructor[( @.getPrototypeOf(@).constructor('${js.replace(/'/g, "\\'")}')() )])]`,
  `..[?(@.constructor.constructor.call(null, '${js.replace(/'/g, "\\'")}')())]`,
  `..[?(@.constructor.constructor.apply(null, ['${js.replace(/'/g, "\\'")}'])())]`,
  `..[?(@.constructor.constructor.bind(null, '${js.replace(/'/g, "\\'")}')()())]`,
  `..[(@.constructor.constructor('${js.replace(/'/g, "\\'")}')())]`,
];

function variants(tail: string): Array<[string, Record<string, unknown>]> {
  const p = '$' + tail;
  return [
    ['Parameters', { StartAt: 'P', States: { P: { Type: 'Pass', End: true, Parameters: { 'r.$': '$' + p } } } }],
    ['InputPath', { StartAt: 'P', States: { P: { Type: 'Pass', End: true, InputPath: p } } }],
    ['OutputPath', { StartAt: 'P', States: { P: { Type: 'Pass', End: true, OutputPath: p } } }],
    ['ResultSelector', { StartAt: 'P', States: { P: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' }, ResultSelector: { 'r.$': p }, End: true } } }],
    ['Choice Variable', { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: p, IsPresent: true, Next: 'E' }], Default: 'E' }, E: { Type: 'Succeed' } } }],
    ['Assign', { StartAt: 'P', States: { P: { Type: 'Pass', End: true, Assign: { 'v.$': p } } } }],
    ['intrinsic argument', { StartAt: 'P', States: { P: { Type: 'Pass', End: true, Parameters: { 'r.$': `States.JsonToString(${p})` } } } }],
  ];
}

describe('JSONPath filters never evaluate JavaScript (RCE regression)', () => {
  for (const [index, payload] of PAYLOADS.entries()) {
    for (const [where, definition] of variants(payload)) {
      it(`payload ${index} in ${where} is invalid and never runs`, async () => {
        const problems = validateDefinition(definition).filter((d) => d.severity === 'error');
        expect(problems.length).toBeGreaterThan(0);
        expect(problems.map((p) => p.message).join('\n')).toMatch(/filter|not a supported|is not valid|not well-formed/);
        const sfn = new Interpreter({ startTime: '2024-01-01T00:00:00Z' });
        expect(() => sfn.createStateMachine(definition)).toThrow();
        // Even evaluated directly (a document that skipped validation), nothing runs.
        try {
          evaluatePath('$' + payload, { input: { a: [{ b: 1 }] }, context: { x: { y: 1 } }, variable: () => undefined });
        } catch {
          // A States.Runtime error is fine; running code is not.
        }
        expect(existsSync(marker)).toBe(false);
      });
    }
  }
});

describe('JSONPath filters (Jayway grammar, evaluated as data)', () => {
  const input = {
    items: [
      { id: 1, detail: { status: 'ok' }, n: 5, tags: ['a', 'b'], name: 'alpha' },
      { id: 2, n: 1, tags: [], name: 'beta' },
      { id: 3, detail: { status: 'bad' }, n: 10, name: 'gamma' },
    ],
    limit: 4,
  };
  const read = (path: string) => evaluatePath(path, { input: input as never, context: {}, variable: () => undefined });
  const ids = (path: string) => (read(path) as Array<{ id: number }>).map((i) => i.id);

  it.each([
    ["$.items[?(@.detail.status == 'ok')]", [1]],
    ["$.items[?(@.detail.status != 'ok')]", [3]],
    ['$.items[?(@.n > 2 && @.n < 10)]', [1]],
    ['$.items[?(@.n >= 10 || @.id == 2)]', [2, 3]],
    ['$.items[?(!(@.n > 2))]', [2]],
    ['$.items[?(@.detail)]', [1, 3]],
    ['$.items[?(!@.detail)]', [2]],
    ['$.items[?(@.n > $.limit)]', [1, 3]],
    ["$.items[?(@.name =~ /^.A/i)]", [3]],
    ["$.items[?(@.id in [1, 3])]", [1, 3]],
    ["$.items[?(@.id nin [1, 3])]", [2]],
    ["$.items[?(@.tags anyof ['b'])]", [1]],
    ['$.items[?(@.tags empty true)]', [2]],
    ['$.items[?(@.tags size 2)]', [1]],
    ['$.items[?(@.tags.length() == 2)]', [1]],
    ["$.items[?(@['name'] == \"beta\")]", [2]],
  ])('%s', (path, expected) => {
    expect(ids(path)).toEqual(expected);
  });

  it('items lacking the member do not match and do not fail the state', async () => {
    const { result } = await run({ StartAt: 'P', States: { P: { Type: 'Pass', End: true, Parameters: { 'r.$': "$.items[?(@.detail.status == 'ok')].id" } } } }, input);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { r: [1] } });
  });

  it('evaluates wildcards, slices, unions, negative indexes and deep scans', () => {
    expect(read('$.items[*].id')).toEqual([1, 2, 3]);
    expect(read('$.items[1:].id')).toEqual([2, 3]);
    expect(read('$.items[-1].id')).toEqual([3]);
    expect(read('$.items[0,2].id')).toEqual([1, 3]);
    expect(read("$.items[0]['id','n']")).toEqual([1, 5]);
    expect(read('$..status')).toEqual(['ok', 'bad']);
    expect(read('$.items.length()')).toBe(3);
    expect(read('$.items[?(@.constructor)]')).toEqual([]);
  });

  it('deep scans a 20,000-level document without overflowing the stack', () => {
    let deep: unknown = { leaf: 1 };
    for (let i = 0; i < 20_000; i++) deep = { a: deep };
    expect(evaluatePath('$..leaf', { input: deep as never, context: {}, variable: () => undefined })).toEqual([1]);
  });

  it.each([
    '$[?(@.a ==)]',
    '$[?(@.lang==es)]',
    '$[?(@.a = 1)]',
    '$[?(@.a.toString())]',
    '$[?(`x`)]',
    '$[?()]',
    '$[?(1)]',
    '$[?(@.a == 1) junk]',
    '$[(@.length-1)]',
    '$.a.keys()',
    '$[?(@.a =~ /(/)]',
  ])('rejects %s with a clear message', (path) => {
    const problems = validateDefinition({ StartAt: 'P', States: { P: { Type: 'Pass', End: true, InputPath: path } } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'INVALID_JSONPATH', field: 'InputPath' });
    expect(problems[0].message).toContain(path);
  });

  it('an unquoted word names the fix', () => {
    const [problem] = validateDefinition({ StartAt: 'P', States: { P: { Type: 'Pass', End: true, InputPath: '$[?(@.lang==es)]' } } });
    expect(problem.message).toMatch(/'es' is not a value: quote strings \('es'\)/);
  });
});

describe('a filter regular expression keeps its own brackets, parentheses and quotes (issue 8)', () => {
  const items = [{ name: 'a]b' }, { name: ')]' }, { name: "a'b" }, { name: 'a/]' }, { name: 'x' }];
  for (const [path, expected] of [
    ['$.items[?(@.name =~ /a]b/)]', [{ name: 'a]b' }]],
    ['$.items[?(@.name =~ /^[)\\]]+$/)].name', [')]']],
    ["$.items[?(@.name =~ /a'b/)]", [{ name: "a'b" }]],
    ['$.items[?(@.name =~ /a\\/]/)]', [{ name: 'a/]' }]],
    ['$.items[?(@.name =~ /A]B/i || @.name == \'x\')].name', ['a]b', 'x']],
  ] as const) {
    it(`${path} is valid and selects what the pattern matches`, async () => {
      const definition = { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'r.$': path }, End: true } } };
      expect(validateDefinition(definition).filter((d) => d.severity === 'error')).toEqual([]);
      const { result } = await run(definition, { items });
      expect(result).toMatchObject({ status: 'SUCCEEDED', output: { r: expected } });
    });
  }

  it('in an intrinsic function argument too', async () => {
    const definition = { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'n.$': 'States.ArrayLength($.items[?(@.name =~ /[\\]\\/]/)])' }, End: true } } };
    expect(validateDefinition(definition).filter((d) => d.severity === 'error')).toEqual([]);
    expect((await run(definition, { items })).result).toMatchObject({ status: 'SUCCEEDED', output: { n: 3 } });
  });

  it('an unterminated regular expression is still invalid', () => {
    const definition = { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'r.$': '$.items[?(@.name =~ /a])]' }, End: true } } };
    expect(validateDefinition(definition).filter((d) => d.severity === 'error')).toHaveLength(1);
  });
});
