import jsonataEngine from 'jsonata';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ctx, jsonata, States, variable, workflow, type Expr, type Selector } from '../../src/dsl/index';
import { stateOf } from './compile-helpers';

const Input = z.object({ a: z.number(), b: z.number(), name: z.string(), list: z.array(z.number()), text: z.string(), obj: z.object({ x: z.number() }), other: z.object({ y: z.number() }) });
type In = z.output<typeof Input>;

const cases: [string, (s: Selector<In>) => Expr<unknown>, string, unknown][] = [
  ['Format', (s) => States.Format('Hi {}, you are {}', s.name, s.a), "States.Format('Hi {}, you are {}', $.name, $.a)", 'Hi Ann, you are 3'],
  ['StringToJson', (s) => States.StringToJson(s.text), 'States.StringToJson($.text)', { k: 1 }],
  ['JsonToString', (s) => States.JsonToString(s.obj), 'States.JsonToString($.obj)', '{"x":1}'],
  ['Array', (s) => States.Array(s.a, 'x', 2), "States.Array($.a, 'x', 2)", [3, 'x', 2]],
  ['ArrayPartition', (s) => States.ArrayPartition(s.list, 2), 'States.ArrayPartition($.list, 2)', undefined],
  ['ArrayContains', (s) => States.ArrayContains(s.list, 2), 'States.ArrayContains($.list, 2)', true],
  ['ArrayRange', () => States.ArrayRange(0, 10, 3), 'States.ArrayRange(0, 10, 3)', undefined],
  ['ArrayGetItem', (s) => States.ArrayGetItem(s.list, 1), 'States.ArrayGetItem($.list, 1)', 2],
  ['ArrayLength', (s) => States.ArrayLength(s.list), 'States.ArrayLength($.list)', 4],
  ['ArrayUnique', (s) => States.ArrayUnique(s.list), 'States.ArrayUnique($.list)', [1, 2, 3]],
  ['Base64Encode', (s) => States.Base64Encode(s.name), 'States.Base64Encode($.name)', 'QW5u'],
  ['Base64Decode', () => States.Base64Decode('QW5u'), "States.Base64Decode('QW5u')", 'Ann'],
  ['Hash', (s) => States.Hash(s.name, 'SHA-256'), "States.Hash($.name, 'SHA-256')", undefined],
  ['JsonMerge', (s) => States.JsonMerge(s.obj, s.other), 'States.JsonMerge($.obj, $.other, false)', { x: 1, y: 2 }],
  ['MathRandom', (s) => States.MathRandom(s.a, s.b), 'States.MathRandom($.a, $.b)', 3],
  ['MathAdd', (s) => States.MathAdd(s.a, -1), 'States.MathAdd($.a, -1)', 2],
  ['StringSplit', () => States.StringSplit('a,b;;c', ',;'), "States.StringSplit('a,b;;c', ',;')", ['a', 'b', 'c']],
  ['UUID', () => States.UUID(), 'States.UUID()', undefined],
];

const input: In = { a: 3, b: 4, name: 'Ann', list: [1, 2, 2, 3], text: '{"k":1}', obj: { x: 1 }, other: { y: 2 } };

describe('intrinsic functions', () => {
  it('covers all 18', () => expect(cases).toHaveLength(18));

  it.each(cases)('%s in a JSONPath payload', (_name, build, expected) => {
    const state = stateOf(workflow('I', { input: Input }).pass('P', { parameters: (s) => ({ value: build(s) }) }));
    expect(state.Parameters).toEqual({ 'value.$': expected });
  });

  it.each(cases.filter(([, , , value]) => value !== undefined))('%s translates to JSONata with the same result', async (_name, build, _path, value) => {
    const state = stateOf(workflow('I', { input: Input, queryLanguage: 'JSONata' }).pass('P', { output: ({ input: s }) => ({ value: build(s) }) }));
    const expression = (state.Output as { value: string }).value.slice(2, -2);
    const engine = jsonataEngine(expression);
    // `$parse` is one of the functions AWS adds to JSONata (asl-reference §2.5).
    engine.registerFunction('parse', (text: string) => JSON.parse(text));
    const result = await engine.evaluate({}, { states: { input } });
    expect(JSON.parse(JSON.stringify(result))).toEqual(value);
  });

  it('escapes reserved characters in string arguments', () => {
    const state = stateOf(workflow('I', { input: Input }).pass('P', { parameters: () => ({ v: States.Format("it's {} {literal}", States.ArrayGetItem(States.StringSplit('{a}', '}'), 0)) }) }));
    expect(state.Parameters).toEqual({ 'v.$': "States.Format('it\\'s {} \\{literal\\}', States.ArrayGetItem(States.StringSplit('\\{a\\}', '\\}'), 0))" });
  });

  it('reads the context object and variables', () => {
    const total = variable<number>('total');
    const state = stateOf(workflow('I', { input: Input }).pass('Set', { assign: () => ({ total: 1 }) }).pass('P', { parameters: () => ({ v: States.Format('{} {}', ctx.Execution.Id, total) }) }), 'P');
    expect(state.Parameters).toEqual({ 'v.$': "States.Format('{} {}', $$.Execution.Id, $total)" });
  });

  it('interpolates selectors into jsonata expressions', () => {
    const state = stateOf(workflow('I', { input: Input, queryLanguage: 'JSONata' }).pass('P', { output: ({ input: s }) => ({ sum: jsonata<number>`$sum(${s.list}) + ${States.MathAdd(s.a, 1)}` }) }));
    expect(state.Output).toEqual({ sum: '{% $sum($states.input.list) + ((($states.input.a) + (1))) %}' });
  });
});
