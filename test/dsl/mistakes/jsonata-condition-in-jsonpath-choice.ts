// Mistake: A `jsonata` condition in a JSONPath Choice.
// Caught by: build
import { condition, fail, jsonata } from '../../../src/dsl/index';
import { start } from './_fixtures';

const big = () => condition(jsonata<boolean>`$states.input.order.total > 100`);
export const flow = start().choice('Big?', (c) => c.when(big, fail('Big')).otherwise(fail('Small'))); // <- mistake
