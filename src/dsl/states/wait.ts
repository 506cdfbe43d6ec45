import type { WaitNode } from '../ast/states';
import { captureSource } from '../source/capture-source';
import { dataFlowFields, type InputPathOption, type OutputOption, type AssignOption } from './data-flow-options';
import { dynamicSettingNode, type DynamicSetting } from './dynamic-setting';
import type { StateOptions } from './state-options';
import type { AnyVariables } from '../variables/assignments';
import { commonFields } from './task';

interface WaitCommonOptions<S, V> extends StateOptions {
  inputPath?: InputPathOption<S>;
  output?: OutputOption<S, never>;
  assign?: AssignOption<S, never, V>;
}

/**
 * Options of `.wait(name, options)`: exactly one of `seconds` and `timestamp`, each a literal, a
 * selector (→ `SecondsPath`/`TimestampPath`) or a JSONata expression.
 */
export type WaitOptions<S, V = AnyVariables> = WaitCommonOptions<S, V> &
  ({ seconds: DynamicSetting<S, number>; timestamp?: never } | { timestamp: DynamicSetting<S, string>; seconds?: never });

export function waitNode<S>(name: string, options: WaitOptions<S>): WaitNode {
  return Object.freeze({
    kind: 'Wait',
    name,
    source: captureSource(),
    ...commonFields(options),
    ...(options.seconds !== undefined && { seconds: dynamicSettingNode(options.seconds, 'seconds') }),
    ...(options.timestamp !== undefined && { timestamp: dynamicSettingNode(options.timestamp, 'timestamp') }),
    ...dataFlowFields<S, never>(options),
  } as WaitNode);
}
