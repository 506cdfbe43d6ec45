import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/asl/types';
import { StatesError } from '../../../src/interpreter/errors';
import { prepareJsonataTemplate, evaluateJsonataCondition, type JsonataBindings } from '../../../src/interpreter/jsonata';

function bindings(input: Json = {}, variables: Record<string, Json> = {}, extra: Partial<JsonataBindings> = {}): JsonataBindings {
  return { states: { input, context: { Execution: { Id: 'arn:execution' } } }, variables, random: () => 0.5, ...extra };
}

async function evaluate(value: Json, field = 'Output', b: JsonataBindings = bindings()): Promise<Json> {
  return prepareJsonataTemplate(value, field).evaluate(b);
}

async function failure(value: Json, field = 'Output', b: JsonataBindings = bindings()): Promise<StatesError> {
  try {
    await evaluate(value, field, b);
  } catch (thrown) {
    if (thrown instanceof StatesError) return thrown;
    throw thrown;
  }
  throw new Error('expected a StatesError');
}

describe('prepareJsonataTemplate', () => {
  it('keeps literals, including strings that only look like expressions (recorded BASE_LITERALS)', async () => {
    const literals = {
      constant_not_jsonata: ' {% states.input %} ',
      constant_varpath_states: '$states.input',
      constant_jp_input: '$',
      'constant_jp_input.$': '$',
      constant_if: "States.Format('Format:{}', 101)",
      list: [null, 0, 0.1, true, [], { constant: 0 }],
    };
    const template = prepareJsonataTemplate(literals, 'Output');
    expect(template.constant).toBe(true);
    expect(await template.evaluate(bindings())).toEqual(literals);
  });

  it('returns a frozen value from a constant template, so a caller cannot corrupt the next evaluation', async () => {
    const template = prepareJsonataTemplate({ a: [1, 'x'] }, 'Output');
    expect(Object.isFrozen(await template.evaluate(bindings()))).toBe(true);
  });

  it('evaluates expressions at any depth (recorded BASE_LAMBDA / ITEMS cases)', async () => {
    const input = { input_value: 'string literal', input_values: [1, 2, 3] };
    const value = {
      ja_states_input: '{% $states.input %}',
      ja_var_access: '{% $var_input_value %}',
      ja_expr: '{% $sum($states.input.input_values) + $var_constant_1 %}',
      nested: [1, '{% $number("2") %}', { deeper: "{% $number('3') %}" }],
    };
    const template = prepareJsonataTemplate(value, 'Arguments');
    expect(template.constant).toBe(false);
    expect(await template.evaluate(bindings(input, { var_input_value: 'string literal', var_constant_1: 1 }))).toEqual({
      ja_states_input: input,
      ja_var_access: 'string literal',
      ja_expr: 7,
      nested: [1, 2, { deeper: 3 }],
    });
  });

  it('reads $states members and the context object', async () => {
    const b: JsonataBindings = { states: { input: { a: 1 }, context: { State: { Name: 'S' } }, result: { r: 2 }, errorOutput: { Error: 'E' } }, variables: {}, random: Math.random };
    expect(await evaluate('{% [$states.input.a, $states.result.r, $states.errorOutput.Error, $states.context.State.Name] %}', 'Output', b)).toEqual([1, 2, 'E', 'S']);
  });

  it('reads variables inherited from outer scopes', async () => {
    const outer = { x: 42 };
    const inner = Object.assign(Object.create(outer) as Record<string, Json>, { y: 1 });
    expect(await evaluate('{% $x + $y %}', 'Output', bindings({}, inner))).toBe(43);
  });

  it('keeps JSONata := local to the expression (recorded TOLERATED_FAILURE_COUNT)', async () => {
    const variables = { variable: 5 };
    expect(await evaluate('{% $variable := 1 %}', 'ToleratedFailureCount', bindings({}, variables))).toBe(1);
    expect(variables.variable).toBe(5);
  });

  it('evaluates JSONata regular expressions (recorded BASE_REGEX cases)', async () => {
    expect(await evaluate("{% $contains('hello$world', /^hello\\$/) %}")).toBe(true);
    expect(await evaluate('{% $contains("hello$world", /^hello\\ /) %}')).toBe(false);
  });

  it('returns JSON: sequences become arrays, -0 becomes 0, non-finite numbers become their names', async () => {
    const filtered = await evaluate('{% [1,2,3][$ > 1] %}');
    expect(filtered).toEqual([2, 3]);
    expect((filtered as unknown as { sequence?: boolean }).sequence).toBeUndefined();
    expect(await evaluate('{% $parse("-0") %}')).toBe(0);
    expect(Object.is(await evaluate('{% $parse("-0") %}'), -0)).toBe(false);
    expect(await evaluate('{% 1/0 %}')).toBe('Infinity');
    expect(await evaluate('{% {"a": $nothing, "b": 1} %}')).toEqual({ b: 1 });
    expect(await evaluate('{% $states.input.v %}', 'Output', bindings({ v: null }))).toBeNull();
  });
});

describe('frozen data', () => {
  it('evaluates array-keeping paths over frozen input (jsonata flags the arrays it returns)', async () => {
    const input = Object.freeze({ one: Object.freeze([5]), list: Object.freeze([1, 2]) }) as unknown as Json;
    expect(await evaluate('{% $states.input.one[] %}', 'Output', bindings(input))).toEqual([5]);
    expect(await evaluate('{% $states.input.list[] %}', 'Output', bindings(input))).toEqual([1, 2]);
  });

  it('leaves the caller\'s arrays as they were', async () => {
    const input = { one: [5] };
    const result = await evaluate('{% $states.input.one[] %}', 'Output', bindings(input));
    expect(result).toStrictEqual([5]);
    expect(Object.keys(input.one)).toEqual(['0']);
  });
});

describe('failures (States.QueryEvaluationError with AWS wording)', () => {
  it('an undefined result names the nested field (recorded test_undefined_reference, test_map_catch_error)', async () => {
    const cases: [Json, string, string][] = [
      ['{% $doesNotExist %}', 'Output', 'Output'],
      [{ result: '{% $doesNotExist %}' }, 'Output', 'Output/result'],
      [{ FunctionName: '{% $doesNotExist %}' }, 'Arguments', 'Arguments/FunctionName'],
      [{ result: '{% $doesNotExist %}' }, 'Assign', 'Assign/result'],
      [{ a: { b: [0, '{% $doesNotExist %}'] } }, 'Output', 'Output/a/b[1]'],
    ];
    for (const [value, field, location] of cases) {
      const error = await failure(value, field);
      expect(error.error).toBe('States.QueryEvaluationError');
      expect(error.cause).toBe(`The JSONata expression '$doesNotExist' specified for the field '${location}' returned nothing (undefined).`);
    }
    expect((await failure({ error: '{% $stateError %}' })).cause).toBe(
      "The JSONata expression '$stateError' specified for the field 'Output/error' returned nothing (undefined).",
    );
  });

  it('a function result is unsupported (recorded test_map_state_items_eval_jsonata_fail[function])', async () => {
    expect((await failure('{% $fn := function($x){$x} %}', 'Items')).cause).toBe(
      "The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an unsupported result type.",
    );
  });

  it('a JSONata error carries its code and message', async () => {
    const error = await failure('{% 1 + "a" %}');
    expect(error.error).toBe('States.QueryEvaluationError');
    expect(error.cause).toBe(
      'The JSONata expression \'1 + "a"\' specified for the field \'Output\' threw an error during evaluation. T2002: The right side of the "+" operator must evaluate to a number',
    );
    expect((await failure("{% $split('a','b',-1) %}")).cause).toMatch(/threw an error during evaluation\. D3020: Third argument of split function must evaluate to a positive number$/);
    expect((await failure('{% $sqrt(-1) %}')).cause).toMatch(/D3060: The sqrt function cannot be applied to a negative number: -1$/);
  });

  it('$eval is not available', async () => {
    expect((await failure('{% $eval("1") %}')).cause).toMatch(/T1006: Attempted to invoke a non-function$/);
  });

  it('an expression that does not parse is rejected when preparing, naming the field', () => {
    expect(() => prepareJsonataTemplate({ a: '{% $x + %}' }, 'Output')).toThrow(/'\$x \+' in field 'Output\/a' does not parse: S0207/);
  });
});

describe('evaluateJsonataCondition', () => {
  it('accepts a literal boolean without JSONata (recorded test_choice_condition_constant_jsonata)', async () => {
    const template = prepareJsonataTemplate(true, 'Choices[0]/Condition');
    expect(template.constant).toBe(true);
    expect(await evaluateJsonataCondition(template, bindings())).toBe(true);
  });

  it('evaluates a boolean expression', async () => {
    const template = prepareJsonataTemplate("{% $not($states.input.type = 'Private') %}", 'Choices[0]/Condition');
    expect(await evaluateJsonataCondition(template, bindings({ type: 'Private' }))).toBe(false);
    expect(await evaluateJsonataCondition(template, bindings({ type: 'Public' }))).toBe(true);
  });

  it('anything but a boolean is a States.QueryEvaluationError', async () => {
    const template = prepareJsonataTemplate('{% $states.input.flag %}', 'Choices[1]/Condition');
    await expect(evaluateJsonataCondition(template, bindings({ flag: 'yes' }))).rejects.toMatchObject({
      error: 'States.QueryEvaluationError',
      cause: "The JSONata expression '$states.input.flag' specified for the field 'Choices[1]/Condition' returned an unexpected result type. Expected 'boolean', but was 'string' for value: \"yes\"",
    });
    await expect(evaluateJsonataCondition(template, bindings({}))).rejects.toMatchObject({
      cause: "The JSONata expression '$states.input.flag' specified for the field 'Choices[1]/Condition' returned nothing (undefined).",
    });
  });
});
