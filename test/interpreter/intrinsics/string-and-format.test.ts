import { describe, expect, it } from 'vitest';
import { failureOf, invalidArgumentsCause, runIntrinsic } from './run-intrinsic';

// Recorded AWS cases: v2/intrinsic_functions/test_string_operations.py and test_generic.py.

describe('States.StringSplit', () => {
  const text = 'States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)';
  it.each([
    [' ', ',', [' ']],
    [' , ', ',', [' ', ' ']],
    [', , ,', ',', [' ', ' ']],
    [',,,,', ',', []],
    ['1,2,3,4,5', ',', ['1', '2', '3', '4', '5']],
    ['This.is+a,test=string', '.+,=', ['This', 'is', 'a', 'test', 'string']],
    ['split on T and \nnew line', 'T\n', ['split on ', ' and ', 'new line']],
  ])('splits %j on any of %j', (fst, snd, expected) => {
    expect(runIntrinsic(text, { FunctionInput: { fst, snd } })).toEqual(expected);
  });

  it('reads the execution input through the context object (recorded)', () => {
    const input = { FunctionInput: "Value1,Value2,Value3\nValue4,Value5,Value6\n,,,\ntrue,1,'HelloWorld'\nNull,None,\n   \n" };
    const result = runIntrinsic("States.StringSplit($$.Execution.Input.FunctionInput, ',')", {}, {
      context: { Execution: { Input: input } },
    });
    expect(result).toEqual([
      'Value1',
      'Value2',
      'Value3\nValue4',
      'Value5',
      'Value6\n',
      '\ntrue',
      '1',
      "'HelloWorld'\nNull",
      'None',
      '\n   \n',
    ]);
  });

  it('rejects a non-string', () => {
    expect(failureOf("States.StringSplit($.a, ',')", { a: 1 }).cause).toBe(
      invalidArgumentsCause("States.StringSplit($.a, ',')", 'States.StringSplit'),
    );
  });
});

describe('States.Format', () => {
  const one = "States.Format('Formatting argument {}.', $.FunctionInput)";
  it.each([
    ['', 'Formatting argument .'],
    [' ', 'Formatting argument  .'],
    ['HelloWorld', 'Formatting argument HelloWorld.'],
    [null, 'Formatting argument null.'],
    [1, 'Formatting argument 1.'],
    [1.1, 'Formatting argument 1.1.'],
    ['{"Arg1": 1, "Arg2": []}', 'Formatting argument {"Arg1": 1, "Arg2": []}.'],
  ])('renders %j (recorded)', (value, expected) => {
    expect(runIntrinsic(one, { FunctionInput: value })).toBe(expected);
  });

  it('renders objects and arrays the Java Map/List way (recorded for objects)', () => {
    const two = "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)";
    const input = { FunctionInput: { fst: { Arg1: 1, Arg2: [] }, snd: { Arg1: 1, Arg2: [] } } };
    expect(runIntrinsic(two, input)).toBe('Formatting arguments fst={Arg1=1, Arg2=[]} and snd={Arg1=1, Arg2=[]}.');
    expect(runIntrinsic("States.Format('{}', $.a)", { a: [1, 'x', { k: [true, null] }] })).toBe('[1, x, {k=[true, null]}]');
  });

  it('renders the context object (recorded shape)', () => {
    const text = "States.Format('Formatting arguments fst={} and snd={}.', $$.Execution.Name, $$.StateMachine)";
    const context = { Execution: { Name: 'exec-1' }, StateMachine: { Id: 'arn:aws:states:us-east-1:1:stateMachine:sm', Name: 'sm' } };
    expect(runIntrinsic(text, {}, { context })).toBe(
      'Formatting arguments fst=exec-1 and snd={Id=arn:aws:states:us-east-1:1:stateMachine:sm, Name=sm}.',
    );
  });

  it('treats escaped braces and quotes as literal text', () => {
    expect(runIntrinsic("States.Format('\\{\\} {} \\'q\\' \\\\', $.a)", { a: 'x' })).toBe("{} x 'q' \\");
    expect(runIntrinsic(`States.Format('Name: \\'{}\\', Surname: "{}"', $.n, $.s)`, { n: 'G', s: 'M' })).toBe(
      `Name: 'G', Surname: "M"`,
    );
  });

  it('takes the template from a path or a nested call', () => {
    expect(runIntrinsic('States.Format($.t, 1)', { t: 'n={}' })).toBe('n=1');
    expect(runIntrinsic("States.Format('arn:{}:{}', $.svc, States.JsonToString($.obj))", { svc: 'l', obj: { k: 1 } })).toBe(
      'arn:l:{"k":1}',
    );
  });

  it.each([
    "States.Format('{} {}', 'x')",
    "States.Format('{}', 'x', 'y')",
    "States.Format('Hello {', 'x')",
    "States.Format('Hello {{}}', 'x')",
    "States.Format('}')",
    'States.Format($.t, 1)',
  ])('rejects %s', (call) => {
    const error = failureOf(call, { t: 123 });
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe(invalidArgumentsCause(call, 'States.Format'));
  });
});
