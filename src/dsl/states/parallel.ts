import type { ChainNode } from '../ast/chain';
import type { ParallelNode } from '../ast/states';
import { captureSource } from '../source/capture-source';
import { dataFlowFields, type DataFlowOptions, type ParametersOption } from './data-flow-options';
import type { StateOptions } from './state-options';
import type { AnyVariables } from '../variables/assignments';
import { commonFields } from './task';

/** Options of `.parallel(name, branches, options)`. */
export interface ParallelOptions<S, R, V = AnyVariables> extends StateOptions, DataFlowOptions<S, R, V> {
  /**
   * `Parameters` (JSONPath) / `Arguments` (JSONata): the input every branch receives. The
   * branches are typed with the state input; use this to trim what they get.
   */
  parameters?: ParametersOption<S>;
}

export function parallelNode<S>(name: string, branches: readonly ChainNode[], options: ParallelOptions<S, unknown> = {}): ParallelNode {
  return Object.freeze({
    kind: 'Parallel',
    name,
    source: captureSource(),
    ...commonFields(options),
    branches: Object.freeze([...branches]),
    ...dataFlowFields(options),
    retry: Object.freeze([]),
    catch: Object.freeze([]),
  } as ParallelNode);
}
