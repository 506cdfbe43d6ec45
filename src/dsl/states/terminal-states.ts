import type { FailNode, SucceedNode } from '../ast/states';
import { captureSource } from '../source/capture-source';
import { dataFlowFields, pathFieldOf, type InputPathOption, type OutputOption } from './data-flow-options';
import { dynamicSettingNode, type DynamicSetting } from './dynamic-setting';
import type { StateOptions } from './state-options';
import { commonFields } from './task';

/** Options of a Succeed state. */
export interface SucceedOptions<S> extends StateOptions {
  inputPath?: InputPathOption<S>;
  /** JSONPath `OutputPath` (a Succeed closes the chain, so it cannot take `.outputPath(...)`). */
  outputPath?: InputPathOption<S>;
  output?: OutputOption<S, never>;
}

/**
 * Options of a Fail state: `error` and `cause` are literals, selectors (→ `ErrorPath`/`CausePath`),
 * intrinsic calls (`States.Format(...)`) or JSONata expressions.
 */
export interface FailOptions<S> extends StateOptions {
  error?: DynamicSetting<S, string>;
  cause?: DynamicSetting<S, string>;
}

export function succeedNode<S>(name: string, options: SucceedOptions<S> = {}): SucceedNode {
  return Object.freeze({
    kind: 'Succeed',
    name,
    source: captureSource(),
    ...commonFields(options),
    ...dataFlowFields<S, never>(options),
    ...(options.outputPath !== undefined && { outputPath: pathFieldOf(options.outputPath, 'outputPath') }),
  } as SucceedNode);
}

export function failNode<S>(name: string, options: FailOptions<S> = {}): FailNode {
  return Object.freeze({
    kind: 'Fail',
    name,
    source: captureSource(),
    ...commonFields(options),
    ...(options.error !== undefined && { error: dynamicSettingNode(options.error, 'error') }),
    ...(options.cause !== undefined && { cause: dynamicSettingNode(options.cause, 'cause') }),
  } as FailNode);
}
