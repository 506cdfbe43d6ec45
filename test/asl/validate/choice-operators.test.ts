import { describe, expect, it } from 'vitest';
import { CHOICE_OPERATORS, CHOICE_OPERATOR_FIELDS, choiceOperator, isChoiceOperatorField } from '../../../src/asl/choice-operators';

describe('choice operator table', () => {
  it('has the 23 operators of the ASL spec and their 16 Path variants', () => {
    expect(CHOICE_OPERATORS).toHaveLength(23);
    expect(CHOICE_OPERATOR_FIELDS).toHaveLength(39);
    expect(CHOICE_OPERATORS.filter((o) => o.hasPathVariant).map((o) => o.name)).toEqual([
      'StringEquals', 'StringLessThan', 'StringGreaterThan', 'StringLessThanEquals', 'StringGreaterThanEquals',
      'NumericEquals', 'NumericLessThan', 'NumericGreaterThan', 'NumericLessThanEquals', 'NumericGreaterThanEquals',
      'BooleanEquals',
      'TimestampEquals', 'TimestampLessThan', 'TimestampGreaterThan', 'TimestampLessThanEquals', 'TimestampGreaterThanEquals',
    ]);
  });

  it('resolves literal and Path fields', () => {
    expect(choiceOperator('NumericLessThanPath')).toMatchObject({ name: 'NumericLessThan', valueType: 'number', comparison: 'lessThan', isPathVariant: true });
    expect(choiceOperator('TimestampEquals')).toMatchObject({ valueType: 'timestamp', comparison: 'equals', isPathVariant: false });
    expect(choiceOperator('IsPresent')).toMatchObject({ valueType: 'is-test', hasPathVariant: false });
    expect(choiceOperator('StringMatches')).toMatchObject({ valueType: 'string', comparison: 'matches', hasPathVariant: false });
  });

  it('knows what is not an operator', () => {
    expect(choiceOperator('StringMatchesPath')).toBeUndefined();
    expect(choiceOperator('IsNullPath')).toBeUndefined();
    expect(isChoiceOperatorField('Variable')).toBe(false);
    expect(isChoiceOperatorField('Next')).toBe(false);
    expect(isChoiceOperatorField('BooleanEqualsPath')).toBe(true);
  });
});
