import type { PlaceResult } from '../paths/result-path';
import type { Resolve } from '../values/expr';

/**
 * The output type of a state whose work produced `R`, given its options `O`: a JSONata `output`
 * decides it alone; otherwise `resultSelector` reshapes `R` and `resultPath` places it into `S`.
 */
export type StateOutput<S, R, O> = O extends { output: (...args: any[]) => infer X }
  ? Resolve<X>
  : PlaceResult<S, O extends { resultSelector: (...args: any[]) => infer X } ? Resolve<X> : R, ResultPathOf<O>>;

type ResultPathOf<O> = O extends { resultPath: infer P } ? P : undefined;
