import { describe, expect, it, vi } from 'vitest';
import { prepareJsonataTemplate } from '../../../src/interpreter/jsonata';

// Counts what the jsonata package is asked to do, to prove parse-once and no-JSONata-for-constants.
const calls = vi.hoisted(() => ({ parses: [] as string[], evaluations: 0 }));

vi.mock('jsonata', async (importOriginal) => {
  const actual = ((await importOriginal()) as { default: (text: string) => { evaluate: (...args: unknown[]) => unknown } }).default;
  return {
    default: (text: string) => {
      calls.parses.push(text);
      const expression = actual(text);
      const evaluate = expression.evaluate.bind(expression);
      expression.evaluate = (...args: unknown[]) => {
        calls.evaluations++;
        return evaluate(...args);
      };
      return expression;
    },
  };
});

const bindings = { states: { input: { n: 2 }, context: {} }, variables: {}, random: Math.random };

describe('JSONata work done per template', () => {
  it('a constant template never calls jsonata', async () => {
    calls.parses.length = 0;
    calls.evaluations = 0;
    const template = prepareJsonataTemplate({ a: [1, 'x', ' {% not an expression %}'], b: null }, 'Output');
    expect(template.constant).toBe(true);
    await template.evaluate(bindings);
    await template.evaluate(bindings);
    expect(calls.parses).toEqual([]);
    expect(calls.evaluations).toBe(0);
  });

  it('parses each expression text once, however many templates or evaluations use it', async () => {
    calls.parses.length = 0;
    calls.evaluations = 0;
    const first = prepareJsonataTemplate({ a: '{% $states.input.n * 21 %}' }, 'Output');
    const second = prepareJsonataTemplate(['{% $states.input.n * 21 %}'], 'Items');
    for (let i = 0; i < 3; i++) {
      expect(await first.evaluate(bindings)).toEqual({ a: 42 });
      expect(await second.evaluate(bindings)).toEqual([42]);
    }
    expect(calls.parses).toEqual(['$states.input.n * 21']);
    expect(calls.evaluations).toBe(6);
  });
});
