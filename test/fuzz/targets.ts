/**
 * Fuzz targets for the parts that read what users did not write: the validator, the interpreter
 * (random definitions, inputs and mock results), JSONPath, intrinsic functions and JSONata. Each
 * target checks one property: no crash (an exception that is not an AWS-named error), no hang (an
 * evaluation bounded in time), and only AWS error names in results.
 *
 * `npm run fuzz` runs 10,000 cases per target (test/fuzz/main.ts); `npm test` runs a small
 * sample (test/fuzz/fuzz.test.ts).
 */
import fc from 'fast-check';
import { isStatesErrorName } from '../../src/asl/error-names';
import { IntrinsicSyntaxError, parseIntrinsic } from '../../src/asl/intrinsic-syntax';
import { jsonataSyntaxError } from '../../src/asl/jsonata-syntax';
import { pathProblem, validateDefinition } from '../../src/asl/validate';
import { Interpreter, StatesError } from '../../src/interpreter';
import { evaluatePath } from '../../src/interpreter/jsonpath/evaluate-path';
import { prepareIntrinsic } from '../../src/interpreter/intrinsics/prepare-intrinsic';
import { prepareJsonataTemplate } from '../../src/interpreter/jsonata';
import { seededRandom } from '../../src/interpreter/random/seeded-random';

/** A case that ran longer than this is reported as a hang. */
export const HANG_MS = 5_000;

export interface Finding {
  kind: 'crash' | 'hang' | 'non-aws-error';
  detail: string;
  input: string;
}

export interface FuzzTarget {
  name: string;
  arbitrary: fc.Arbitrary<unknown>;
  /** Checks one generated case; returns a finding, or `undefined` when the case is fine. */
  check(value: unknown): Promise<Finding | undefined>;
}

// ---------------------------------------------------------------------------------------------
// Generators

const json: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 4 });

const memberName = fc.oneof(
  fc.constantFrom('a', 'b', 'items', 'status', 'detail', 'x', 'constructor', '__proto__', 'toString', 'length', 'n'),
  fc.string({ maxLength: 4 }),
);

const literal = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map(String),
  fc.constantFrom("'ok'", '"x"', 'true', 'false', 'null', '1.5', '-2', '[1, 2]', "['a']", '/a.*/i', 'es', '1e400'),
);

const filterPath = fc.tuple(fc.constantFrom('@', '$'), fc.array(memberName, { maxLength: 3 })).map(([root, names]) => root + names.map((n) => (/^\w+$/.test(n) ? `.${n}` : `['${n.replace(/'/g, '')}']`)).join(''));

const operator = fc.constantFrom('==', '!=', '<', '<=', '>', '>=', '=~', ' in ', ' nin ', ' anyof ', ' size ', ' empty ', '=', '===', '&&', '||', '');

const filterAtom = fc.oneof(
  filterPath,
  fc.tuple(filterPath, operator, fc.oneof(literal, filterPath)).map(([l, op, r]) => `${l} ${op} ${r}`),
  fc.constantFrom('@.constructor.constructor("return 1")()', '@.a.toString()', '`x`', '@.length-1', ''),
);

const filter: fc.Arbitrary<string> = fc
  .tuple(filterAtom, fc.constantFrom('&&', '||', ''), filterAtom, fc.boolean())
  .map(([a, join, b, negate]) => `${negate ? '!' : ''}${join ? `(${a}) ${join} ${b}` : a}`);

const pathStep = fc.oneof(
  memberName.map((n) => `.${n}`),
  memberName.map((n) => `['${n}']`),
  fc.integer({ min: -3, max: 5 }).map((i) => `[${i}]`),
  fc.constantFrom('[*]', '.*', '..a', '..*', '[0,1]', "['a','b']", '[1:]', '[:2]', '[::2]', '[-1:]', '.length()', '.keys()', '[(@.length-1)]', '[', ']', '.', '..', "['", '[?(@)]'),
  filter.map((f) => `[?(${f})]`),
);

/** Random JSONPath text, mostly well-formed, sometimes hostile. */
export const jsonPath: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('$', '$$', '$v', '$x'), fc.array(pathStep, { maxLength: 4 }))
  .map(([root, steps]) => root + steps.join(''));

const intrinsicName = fc.constantFrom(
  'States.Format',
  'States.StringToJson',
  'States.JsonToString',
  'States.Array',
  'States.ArrayPartition',
  'States.ArrayContains',
  'States.ArrayRange',
  'States.ArrayGetItem',
  'States.ArrayLength',
  'States.ArrayUnique',
  'States.Base64Encode',
  'States.Base64Decode',
  'States.Hash',
  'States.JsonMerge',
  'States.MathRandom',
  'States.MathAdd',
  'States.StringSplit',
  'States.UUID',
  'States.Nope',
);

const intrinsicArg: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("'a'", "'{}'", "'1e400'", "'[1,2,3]'", "'SHA-256'", "'constructor'", "'a,b'", "','", '0', '1', '-1', '1000000', '2.5', 'true', 'null', '$', '$.a', '$.items', '$$.Execution.Id', "'{\"a\": 1}'", '$.a[?(@ > 1)]'),
  jsonPath,
);

/** Random intrinsic call text (argument lists of 0–4 from a pool, sometimes one nested call). */
export const intrinsicCall: fc.Arbitrary<string> = fc
  .tuple(intrinsicName, fc.array(intrinsicArg, { maxLength: 4 }), fc.option(fc.tuple(intrinsicName, fc.array(intrinsicArg, { maxLength: 2 }))))
  .map(([name, args, inner]) => `${name}(${[...args, ...(inner ? [`${inner[0]}(${inner[1].join(', ')})`] : [])].join(', ')})`);

const ordinaryFragment = fc.constantFrom(
  '$states.input',
  '$states.input.a',
  '$states.input.items[0]',
  '$states.context.Execution.Id',
  '1',
  '"s"',
  '[1, 2, 3]',
  '{"k": 1}',
  '$range(0, 10, 2)',
  '$partition([1,2,3], 2)',
  '$hash("a", "SHA-256")',
  '$hash("a", "constructor")',
  '$parse("{}")',
  '$parse("1e400")',
  '$random()',
  '$uuid()',
  '$count($states.input)',
  '[1..100]',
  '$eval("1")',
  '$string($states.input)',
  '$keys($states.input)',
  '$now()',
  '$sum([1, "a"])',
);

// Expressions that hit a budget limit (the time limit costs its 2 s), drawn rarely.
const hostileFragment = fc.constantFrom(
  '$range(0, 1e9, 1)',
  '$match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", /(a+)+$/)',
  '($f := function($n){ $f($n + 1) }; $f(0))',
  '($f := function($n){ 1 + $f($n + 1) }; $f(0))',
);

const jsonataFragment = fc.oneof({ arbitrary: ordinaryFragment, weight: 400 }, { arbitrary: hostileFragment, weight: 1 });

/** Random JSONata expressions built from fragments and operators. */
export const jsonataExpression: fc.Arbitrary<string> = fc
  .tuple(jsonataFragment, fc.constantFrom(' + ', ' & ', ' = ', ' and ', ' ? 1 : 2', '.', '[0]', ''), jsonataFragment)
  .map(([a, op, b]) => (op === '' ? a : op.startsWith(' ?') ? `${a}${op}` : op === '[0]' ? `${a}${op}` : `${a}${op}${b}`));

const anyPathOrJunk = fc.oneof(jsonPath, fc.constantFrom('$', '$.a', '$.items[0]', 'not-a-path', ''));

const passState = fc.record(
  {
    Type: fc.constant('Pass'),
    InputPath: anyPathOrJunk,
    OutputPath: anyPathOrJunk,
    ResultPath: fc.oneof(fc.constantFrom('$.r', '$.__proto__.x', '$', null, '$.a.b'), anyPathOrJunk),
    Parameters: fc.oneof(
      fc.record({ 'v.$': fc.oneof(jsonPath, intrinsicCall) }),
      fc.dictionary(fc.string({ maxLength: 3 }), json, { maxKeys: 2 }),
    ),
    Result: json,
  },
  { requiredKeys: ['Type'] },
);

const taskState = fc.record(
  {
    Type: fc.constant('Task'),
    Resource: fc.constantFrom('arn:aws:states:::lambda:invoke', 'arn:aws:states:::aws-sdk:s3:getObject', 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', 'arn:aws:lambda:us-east-1:123456789012:function:f'),
    Parameters: fc.constant({ FunctionName: 'f', QueueUrl: 'q', MessageBody: 'm', Bucket: 'b', Key: 'k' }),
    ResultSelector: fc.record({ 'r.$': fc.oneof(jsonPath, fc.constant('$')) }),
    TimeoutSeconds: fc.integer({ min: 1, max: 100 }),
    Retry: fc.constant([{ ErrorEquals: ['States.ALL'], MaxAttempts: 1 }]),
  },
  { requiredKeys: ['Type', 'Resource'] },
);

const choiceRule = fc.oneof(
  fc.record({ Variable: anyPathOrJunk, StringMatches: fc.constantFrom('*', 'a*b', '*-*-*.log', '\\'), Next: fc.constant('End') }),
  fc.record({ Variable: anyPathOrJunk, NumericGreaterThan: fc.integer(), Next: fc.constant('End') }),
  fc.record({ Variable: anyPathOrJunk, IsPresent: fc.boolean(), Next: fc.constant('End') }),
  fc.record({ Variable: anyPathOrJunk, StringEqualsPath: anyPathOrJunk, Next: fc.constant('End') }),
);

/** Random small definitions: a chain of 1–3 states (Pass, Task, Choice, JSONata Pass) ending in Succeed. */
export const definition: fc.Arbitrary<Record<string, unknown>> = fc
  .array(
    fc.oneof(
      passState,
      taskState,
      choiceRule.map((rule) => ({ Type: 'Choice', Choices: [rule], Default: 'End' })),
      jsonataExpression.map((e) => ({ Type: 'Pass', QueryLanguage: 'JSONata', Output: `{% ${e} %}` })),
      fc.record({ Type: fc.constant('Fail'), Error: fc.string({ maxLength: 5 }), Cause: fc.string({ maxLength: 5 }) }),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((states) => {
    const named: Record<string, unknown> = {};
    states.forEach((state, i) => {
      const next = i + 1 < states.length ? `S${i + 1}` : 'End';
      const s = { ...(state as Record<string, unknown>) };
      if (s.Type === 'Choice') s.Default = next;
      else if (s.Type !== 'Fail') s.Next = next;
      named[`S${i}`] = s;
    });
    named.End = { Type: 'Succeed' };
    return { StartAt: 'S0', States: named };
  });

const mockResult: fc.Arbitrary<unknown> = fc.oneof(
  json,
  fc.constantFrom(undefined, NaN, Infinity, 10n, () => 1, new Date(0), { a: undefined }, { big: 1n }),
  fc.constant('circular'),
  fc.constant('deep'),
  fc.constant('throw'),
);

function materialise(result: unknown): unknown {
  if (result === 'circular') {
    const o: Record<string, unknown> = {};
    o.self = o;
    return o;
  }
  if (result === 'deep') {
    let v: unknown = 1;
    for (let i = 0; i < 5000; i++) v = [v];
    return v;
  }
  if (result === 'throw') throw Object.assign(new Error('boom'), { name: 'Custom.Error' });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Checks

function crash(thrown: unknown, input: unknown): Finding {
  const error = thrown as Error;
  return { kind: 'crash', detail: `${error?.name}: ${error?.message}`.slice(0, 300), input: show(input) };
}

function show(value: unknown): string {
  try {
    return (JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value)).slice(0, 500);
  } catch {
    return String(value).slice(0, 500);
  }
}

/** A run that does not settle within {@link HANG_MS} is a hang. */
async function bounded<T>(work: () => Promise<T>): Promise<T | 'hang'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), HANG_MS);
  });
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** An error name an execution may legitimately fail with: AWS's, a Fail state's own, or the one the mock threw. */
function expectedErrorName(name: string | null | undefined, doc: Record<string, unknown>): boolean {
  if (name === undefined || name === null || isStatesErrorName(name) || name === 'Custom.Error') return true;
  return Object.values(doc.States as Record<string, { Type?: string; Error?: unknown }>).some((state) => state.Type === 'Fail' && state.Error === name);
}

const scope = (input: unknown) => ({ input: input as never, context: { Execution: { Id: 'arn' } } as never, variable: (name: string) => (name === 'v' ? ({ a: 1 } as never) : undefined) });

export const targets: FuzzTarget[] = [
  {
    name: 'validator',
    arbitrary: fc.oneof(definition, fc.jsonValue({ maxDepth: 5 }), fc.anything({ maxDepth: 3 })),
    async check(value) {
      try {
        const diagnostics = validateDefinition(value);
        if (!Array.isArray(diagnostics)) return { kind: 'crash', detail: 'validateDefinition did not return a list', input: show(value) };
      } catch (thrown) {
        return crash(thrown, value);
      }
      return undefined;
    },
  },
  {
    name: 'interpreter',
    arbitrary: fc.tuple(definition, json, mockResult),
    async check(value) {
      const [doc, input, result] = value as [Record<string, unknown>, unknown, unknown];
      if (validateDefinition(doc).some((d) => d.severity === 'error')) return undefined;
      try {
        const outcome = await bounded(async () => {
          const sfn = new Interpreter({ startTime: '2024-01-01T00:00:00Z', seed: 1 });
          const machine = sfn.createStateMachine(doc);
          const execution = machine.startExecution(input as never, { mocks: { S0: () => materialise(result) as never, S1: () => materialise(result) as never, S2: () => materialise(result) as never } });
          // Answer callbacks the mocks did not (a .waitForTaskToken mock answers in their place).
          return execution.result;
        });
        if (outcome === 'hang') return { kind: 'hang', detail: `no result within ${HANG_MS} ms`, input: show(value) };
        if (outcome.status === 'FAILED' || outcome.status === 'TIMED_OUT') {
          if (outcome.cause?.includes('Internal interpreter error')) return { kind: 'crash', detail: outcome.cause.slice(0, 300), input: show(value) };
          if (!expectedErrorName(outcome.error, doc)) return { kind: 'non-aws-error', detail: `${outcome.error}: ${outcome.cause}`.slice(0, 300), input: show(value) };
        }
      } catch (thrown) {
        return crash(thrown, value);
      }
      return undefined;
    },
  },
  {
    name: 'jsonpath',
    arbitrary: fc.tuple(jsonPath, json),
    async check(value) {
      const [path, input] = value as [string, unknown];
      if (pathProblem(path, { reference: false }) !== undefined) return undefined;
      try {
        const out = evaluatePath(path, scope(input));
        JSON.stringify(out);
      } catch (thrown) {
        if (thrown instanceof StatesError && thrown.error === 'States.Runtime') return undefined;
        return crash(thrown, value);
      }
      return undefined;
    },
  },
  {
    name: 'intrinsics',
    arbitrary: fc.tuple(intrinsicCall, json),
    async check(value) {
      const [text, input] = value as [string, unknown];
      try {
        parseIntrinsic(text);
      } catch (thrown) {
        return thrown instanceof IntrinsicSyntaxError ? undefined : crash(thrown, value);
      }
      try {
        const out = prepareIntrinsic(text)(scope({ a: 'x', items: [1, 2, 2], ...(typeof input === 'object' && input !== null ? input : {}) }), seededRandom(1));
        JSON.stringify(out);
      } catch (thrown) {
        if (thrown instanceof StatesError) return thrown.error === 'States.Runtime' ? undefined : { kind: 'non-aws-error', detail: String(thrown.error), input: show(value) };
        return crash(thrown, value);
      }
      return undefined;
    },
  },
  {
    name: 'jsonata',
    arbitrary: fc.tuple(jsonataExpression, json),
    async check(value) {
      const [expression, input] = value as [string, unknown];
      const text = `{% ${expression} %}`;
      if (jsonataSyntaxError(text) !== undefined) return undefined;
      try {
        const template = prepareJsonataTemplate(text, 'Output');
        const outcome = await bounded(async () =>
          template.evaluate({ states: { input: input as never, context: {} as never }, variables: {}, random: seededRandom(1) } as never),
        );
        if (outcome === 'hang') return { kind: 'hang', detail: `no result within ${HANG_MS} ms`, input: show(value) };
      } catch (thrown) {
        if (thrown instanceof StatesError) return thrown.error === 'States.QueryEvaluationError' ? undefined : { kind: 'non-aws-error', detail: `${thrown.error}: ${thrown.cause}`, input: show(value) };
        return crash(thrown, value);
      }
      return undefined;
    },
  },
];

export interface TargetReport {
  name: string;
  cases: number;
  crashes: number;
  hangs: number;
  nonAwsErrors: number;
  examples: Finding[];
}

/** Runs `cases` generated cases of one target (seeded, so a report can be reproduced). */
export async function fuzzTarget(target: FuzzTarget, cases: number, seed: number): Promise<TargetReport> {
  const report: TargetReport = { name: target.name, cases: 0, crashes: 0, hangs: 0, nonAwsErrors: 0, examples: [] };
  const samples = fc.sample(target.arbitrary, { numRuns: cases, seed });
  for (const sample of samples) {
    report.cases++;
    const finding = await target.check(sample);
    if (!finding) continue;
    if (finding.kind === 'crash') report.crashes++;
    else if (finding.kind === 'hang') report.hangs++;
    else report.nonAwsErrors++;
    if (report.examples.length < 5) report.examples.push(finding);
  }
  return report;
}
