import type { Json } from '../../asl/types';
import type { PassNode } from '../ast/states';
import { captureSource } from '../source/capture-source';
import { toValueNode } from '../values/to-value-node';
import type { Resolve } from '../values/expr';
import { dataFlowFields, type DataFlowOptions, type ParametersOption } from './data-flow-options';
import type { StateOptions } from './state-options';
import type { AnyVariables } from '../variables/assignments';
import { commonFields } from './task';

/** Options of `.pass(name, options)`. */
export interface PassOptions<S, R, V = AnyVariables> extends StateOptions, Omit<DataFlowOptions<S, R, V>, 'resultSelector'> {
  /** `Result`: a fixed value, treated as the state's result (JSONPath). */
  result?: Json;
  /** `Parameters`: the state's result built from its input (JSONPath). */
  parameters?: ParametersOption<S>;
}

/** What a Pass produces before ResultPath: its `result`, its `parameters`, or its input. */
export type PassResult<S, O> = O extends { result: infer R }
  ? R
  : O extends { parameters: (...args: any[]) => infer P }
    ? Resolve<P>
    : S;

export function passNode<S>(name: string, options: PassOptions<S, unknown> = {}): PassNode {
  return Object.freeze({
    kind: 'Pass',
    name,
    source: captureSource(),
    ...commonFields(options),
    ...(options.result !== undefined && { result: toValueNode(options.result, 'result') }),
    ...dataFlowFields(options),
  } as PassNode);
}
