import { describe, expect, expectTypeOf, it } from 'vitest';
import { isJsonataExpression, jsonataBody, jsonataSyntaxError, referencedStatesMembers } from '../../src/asl/jsonata-syntax';

describe('isJsonataExpression', () => {
  it.each([
    ['{% $states.input %}', true],
    ['{%$x%}', true],
    ['{%%}', true],
    // Recorded on AWS as literals (v2/arguments BASE_LAMBDA_LITERALS): surrounding whitespace disqualifies.
    [' {% states.input %} ', false],
    ['{% $x', false],
    ['$x %}', false],
    ['$states.input', false],
    ['{%', false],
    ['%}', false],
  ])('%j -> %s', (value, expected) => {
    expect(isJsonataExpression(value)).toBe(expected);
  });

  it('narrows unknown to string', () => {
    const value: unknown = '{% 1 %}';
    if (isJsonataExpression(value)) expectTypeOf(value).toEqualTypeOf<string>();
    expectTypeOf(referencedStatesMembers).returns.toEqualTypeOf<Set<'input' | 'context' | 'result' | 'errorOutput'>>();
  });

  it('is false for non-strings', () => {
    expect(isJsonataExpression(1)).toBe(false);
    expect(isJsonataExpression(null)).toBe(false);
    expect(isJsonataExpression({ a: '{% 1 %}' })).toBe(false);
  });
});

describe('jsonataBody', () => {
  it('returns the text between the delimiters, trimmed', () => {
    expect(jsonataBody('{% $x + 1 %}')).toBe('$x + 1');
    expect(jsonataBody('{%\n  $states.input\n%}')).toBe('$states.input');
  });

  it('rejects a string without delimiters with a clear error', () => {
    expect(() => jsonataBody('$x')).toThrow(/Not a JSONata expression/);
  });
});

describe('jsonataSyntaxError', () => {
  it('is undefined for a valid expression', () => {
    expect(jsonataSyntaxError('{% $sum($states.input.values) + 1 %}')).toBeUndefined();
    expect(jsonataSyntaxError("{% $contains('hello$world', /^hello\\$/) %}")).toBeUndefined();
  });

  it('reports the parser message with code and position', () => {
    expect(jsonataSyntaxError('{% $x + %}')).toBe('Unexpected end of expression (code S0207, position 4)');
    expect(jsonataSyntaxError('{% a[1,2) %}')).toMatch(/code S0202/);
  });

  it('reports an empty expression and missing delimiters', () => {
    expect(jsonataSyntaxError('{%  %}')).toBe('The JSONata expression is empty');
    expect(jsonataSyntaxError('$x')).toMatch(/must begin with '\{%' and end with '%\}'/);
  });
});

describe('referencedStatesMembers', () => {
  it('finds each $states member read anywhere in the expression', () => {
    expect(referencedStatesMembers('{% $states.result.Payload %}')).toEqual(new Set(['result']));
    expect(
      referencedStatesMembers('{% $states.input.{"a": $states.result, "b": $f($states.errorOutput.Cause)} %}'),
    ).toEqual(new Set(['input', 'result', 'errorOutput']));
    expect(referencedStatesMembers('{% $states.context.Execution.Id & $states.result[0].a %}')).toEqual(
      new Set(['context', 'result']),
    );
    expect(referencedStatesMembers('{% $map($states.input.items, function($v) { $v + $states.result }) %}')).toEqual(
      new Set(['input', 'result']),
    );
  });

  it('ignores other variables and members that are not $states members', () => {
    expect(referencedStatesMembers('{% $result.x & $states.other %}')).toEqual(new Set());
    expect(referencedStatesMembers('{% $states %}')).toEqual(new Set());
  });

  it('is empty for literals and unparseable expressions', () => {
    expect(referencedStatesMembers('$states.result')).toEqual(new Set());
    expect(referencedStatesMembers('{% $states.result + %}')).toEqual(new Set());
  });
});
