import { expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import { workflow, type PlaceResult } from '../../src/index';

test("resultPath '$' types the state output as the result", () => {
  expectTypeOf<PlaceResult<{ a: number }, { r: string }, '$'>>().toEqualTypeOf<{ r: string }>();
});

test('a JSONata Map takes a literal items array; a JSONPath selector still must be an array', () => {
  workflow('T', { queryLanguage: 'JSONata' }).map('A', { items: () => [1, 2], processor: (b) => b.pass('P') });
  workflow('V', { input: z.object({ list: z.array(z.number()) }) }).map('B', { items: (s) => s.list, processor: (b) => b.pass('Q') });
  // @ts-expect-error a number is not an array to iterate
  workflow('U', { input: z.object({ n: z.number() }) }).map('A', { items: (s) => s.n, processor: (b) => b.pass('P') });
});
