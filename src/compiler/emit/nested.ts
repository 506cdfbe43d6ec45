import type { JsonObject } from '../../asl/types';
import type { ChainNode } from '../../dsl/ast/chain';
import type { ItemReaderNode, MapNode, ParallelNode } from '../../dsl/ast/states';
import type { LaidOutScope } from '../graph/layout';
import { emitErrorHandling } from './error-handling';
import { renderPath, type FieldScope } from './field-scope';
import { report, type StateEmitContext } from './state-context';
import { emitPayload, emitSetting, emitTemplateField } from './value';

/** Emits a nested `States` object; provided by the scope emitter to avoid a cycle. */
export type EmitNestedScope = (chain: ChainNode) => { StartAt: string; States: JsonObject };

const INPUT_SCOPE: FieldScope = { field: 'parameters', dollar: 'input', roots: ['input'], afterInputPath: true };

export function emitParallel(node: ParallelNode, layout: LaidOutScope, context: StateEmitContext, nested: EmitNestedScope): JsonObject {
  const out: JsonObject = {};
  if (node.branches.length === 0) report(context, 'branches', 'A Parallel needs at least one branch.');
  out.Branches = node.branches.map((branch) => nested(branch)) as never;
  emitPayload(out, node, INPUT_SCOPE, context);
  return { ...out, ...emitErrorHandling(node, layout, context) };
}

export function emitMap(node: MapNode, layout: LaidOutScope, context: StateEmitContext, nested: EmitNestedScope): JsonObject {
  const out: JsonObject = {};
  const jsonata = context.language === 'JSONata';
  const distributed = node.mode === 'DISTRIBUTED';
  const processor = nested(node.processor);
  const processorConfig = node.processorConfig ?? (distributed ? { Mode: 'DISTRIBUTED', ExecutionType: node.executionType ?? 'STANDARD' } : undefined);
  out[node.legacyFields?.iterator ? 'Iterator' : 'ItemProcessor'] = {
    ...(processorConfig && { ProcessorConfig: { ...processorConfig } }),
    ...processor,
  };
  if (!distributed && (node.itemReader || node.itemBatcher || node.resultWriter)) {
    report(context, 'mode', 'itemReader, itemBatcher and resultWriter need mode: \'DISTRIBUTED\'.');
  }
  if (!distributed && node.executionType) report(context, 'executionType', "executionType applies to mode: 'DISTRIBUTED' only.");
  if (distributed && context.workflow.stateMachineType === 'EXPRESS') {
    report(context, 'mode', 'A Distributed Map cannot run in an Express workflow; use an Inline Map or a STANDARD workflow.');
  }
  if (node.items !== undefined) {
    const scope: FieldScope = { field: 'items', dollar: 'input', roots: ['input'], afterInputPath: true, referenceOnly: true };
    if (jsonata) emitTemplateField(out, 'Items', node.items, scope, context);
    else if (node.items.kind === 'path' || node.items.kind === 'rawPath') out.ItemsPath = renderPath(node.items, scope, context);
    else report(context, 'items', 'In JSONPath, items must be a path to an array (s => s.order.items); use JSONata to compute the items.');
  }
  emitTemplateField(out, node.legacyFields?.parameters ? 'Parameters' : 'ItemSelector', node.itemSelector, { field: 'itemSelector', dollar: 'input', roots: ['input'], afterInputPath: true, mapItem: true }, context);
  if (node.itemReader) out.ItemReader = emitItemReader(node.itemReader, context);
  if (node.itemBatcher) {
    const batcher: JsonObject = {};
    const scope: FieldScope = { field: 'itemBatcher', dollar: 'input', roots: ['input'], afterInputPath: true };
    emitSetting(batcher, 'MaxItemsPerBatch', node.itemBatcher.maxItemsPerBatch, scope, context);
    emitSetting(batcher, 'MaxInputBytesPerBatch', node.itemBatcher.maxInputBytesPerBatch, scope, context);
    emitTemplateField(batcher, 'BatchInput', node.itemBatcher.batchInput, scope, context);
    if (Object.keys(batcher).length === 0) report(context, 'itemBatcher', 'itemBatcher needs maxItemsPerBatch and/or maxInputBytesPerBatch.');
    out.ItemBatcher = batcher;
  }
  if (node.resultWriter) {
    const writer: JsonObject = {};
    if (node.resultWriter.resource) writer.Resource = node.resultWriter.resource;
    emitTemplateField(writer, jsonata ? 'Arguments' : 'Parameters', node.resultWriter.payload, { ...INPUT_SCOPE, field: 'resultWriter' }, context);
    if (node.resultWriter.writerConfig?.kind === 'object') writer.WriterConfig = literalObject(node.resultWriter.writerConfig.entries);
    out.ResultWriter = writer;
  }
  const settingScope: FieldScope = { field: 'map setting', dollar: 'input', roots: ['input'], afterInputPath: true };
  emitSetting(out, 'MaxConcurrency', node.maxConcurrency, { ...settingScope, field: 'maxConcurrency' }, context);
  emitSetting(out, 'ToleratedFailurePercentage', node.toleratedFailurePercentage, { ...settingScope, field: 'toleratedFailurePercentage' }, context);
  emitSetting(out, 'ToleratedFailureCount', node.toleratedFailureCount, { ...settingScope, field: 'toleratedFailureCount' }, context);
  if (node.label !== undefined) out.Label = node.label;
  return { ...out, ...emitErrorHandling(node, layout, context) };
}

function emitItemReader(reader: ItemReaderNode, context: StateEmitContext): JsonObject {
  const out: JsonObject = { Resource: reader.resource };
  emitTemplateField(out, context.language === 'JSONata' ? 'Arguments' : 'Parameters', reader.payload, { ...INPUT_SCOPE, field: 'itemReader' }, context);
  if (reader.readerConfig?.kind === 'object') {
    const config: JsonObject = {};
    for (const [key, value] of reader.readerConfig.entries) {
      if (key === 'MaxItems') emitSetting(config, 'MaxItems', value, { ...INPUT_SCOPE, field: 'itemReader.readerConfig.MaxItems' }, context);
      else if (value.kind === 'literal') config[key] = value.value;
      else if (value.kind === 'array') config[key] = value.items.map((item) => (item.kind === 'literal' ? item.value : null));
    }
    out.ReaderConfig = config;
  }
  return out;
}

function literalObject(entries: readonly (readonly [string, { kind: string; value?: unknown }])[]): JsonObject {
  return Object.fromEntries(entries.filter(([, value]) => value.kind === 'literal').map(([key, value]) => [key, value.value as never]));
}
