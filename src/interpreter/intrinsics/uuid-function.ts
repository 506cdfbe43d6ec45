import { randomUuid } from '../random/seeded-random';
import type { IntrinsicFunction } from './intrinsic-function';

export const uuidFunctions: Record<string, IntrinsicFunction> = {
  /** A v4 UUID drawn from the execution's random source (reproducible under a seed). */
  'States.UUID': {
    evaluate: (_args, { random }) => randomUuid(random),
  },
};
