/**
 * Nested state machines: `Parallel.Branches[i]`, `Map.ItemProcessor`, deprecated `Map.Iterator`.
 * Each is its own `States` scope (transitions stay inside it) and its own variable scope.
 */
import { type ExecutionType, type MachineContext, type StateContext, sinkOf } from './context';
import { childSite, type Site, inState } from './diagnostics';
import { expectNonEmptyArray, expectObject, expectString } from './field-checks';
import { checkFields, type FieldTable } from './field-table';
import { isRecord } from './json-values';
import { checkProcessorConfig } from './map-config';
import { checkStates } from './state-machine';
import { VariableScope } from './variables';

const NESTED_FIELDS: FieldTable = {
  Comment: { check: (ctx, site, value) => expectString(sinkOf(ctx), site, value) },
  StartAt: { required: true },
  States: { required: true },
};
const PROCESSOR_FIELDS: FieldTable = { ...NESTED_FIELDS, ProcessorConfig: { check: checkProcessorConfig } };

function nestedMachine(ctx: StateContext, executionType: ExecutionType): MachineContext {
  return {
    document: ctx.machine.document,
    executionType,
    scope: new VariableScope(ctx.machine.scope),
  };
}

function checkNested(ctx: StateContext, site: Site, value: unknown, table: FieldTable, where: string, machine: MachineContext): void {
  if (!expectObject(sinkOf(ctx), site, value)) return;
  checkFields(ctx, site, value, table, where);
  checkStates(machine, site, value);
}

export function checkBranches(ctx: StateContext, site: Site, value: unknown): void {
  if (!expectNonEmptyArray(sinkOf(ctx), site, value)) return;
  value.forEach((branch, index) => {
    checkNested(ctx, childSite(site, index, 'Branches'), branch, NESTED_FIELDS, 'a Parallel branch', nestedMachine(ctx, ctx.machine.executionType));
  });
}

export function checkItemProcessor(ctx: StateContext, site: Site, value: unknown): void {
  checkProcessor(ctx, site, value, 'ItemProcessor');
}

/** `ItemProcessor`, or the deprecated `Iterator` (which AWS also accepts with a ProcessorConfig). */
function checkProcessor(ctx: StateContext, site: Site, value: unknown, where: 'ItemProcessor' | 'Iterator'): void {
  const config = isRecord(value) && isRecord(value.ProcessorConfig) ? value.ProcessorConfig : undefined;
  const distributed = config?.Mode === 'DISTRIBUTED';
  let executionType = ctx.machine.executionType;
  if (distributed) {
    if (ctx.machine.executionType === 'EXPRESS') {
      sinkOf(ctx).error(
        'EXPRESS_UNSUPPORTED',
        childSite(childSite(site, 'ProcessorConfig'), 'Mode'),
        `Express state machine does not support Distributed Map${inState(site)}; use Mode INLINE or a STANDARD state machine.`,
      );
    }
    // A Distributed Map's children run as their own workflows of ExecutionType.
    if (config.ExecutionType === 'EXPRESS' || config.ExecutionType === 'STANDARD') executionType = config.ExecutionType;
  }
  checkNested(ctx, site, value, PROCESSOR_FIELDS, where, nestedMachine(ctx, executionType));
}

export function checkIterator(ctx: StateContext, site: Site, value: unknown): void {
  checkProcessor(ctx, site, value, 'Iterator');
}
