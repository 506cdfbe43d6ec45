/**
 * The type checker guards the layers (issue 9): a field added to `TaskState` (or to the Task AST)
 * without handling it in the validator's table, the canonical order and the emitter is a type error.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { TaskState } from '../../src/asl/types';
import { STATE_FIELDS, type FieldsOf } from '../../src/asl/validate/state-fields';
import type { AnyStateField, CoversEveryStateField } from '../../src/compiler/emit/canonical-order';
import { TASK_NODE_FIELDS } from '../../src/compiler/emit/task';
import type { TaskNode } from '../../src/dsl/ast/states';

type TaskStateWithNewField = TaskState & { NewField?: string };
type TaskNodeWithNewField = TaskNode & { readonly newField?: string };
const ORDER = ['Type', 'Comment', 'Resource'] as const;

describe('a new Task field must be handled in every layer', () => {
  it('the validator table is keyed exactly by TaskState', () => {
    expectTypeOf<keyof typeof STATE_FIELDS.Task>().toEqualTypeOf<keyof TaskState>();
    const today: FieldsOf<TaskState> = STATE_FIELDS.Task;
    void today;
    // @ts-expect-error the validator's Task table has no rule for NewField
    const missing: FieldsOf<TaskStateWithNewField> = STATE_FIELDS.Task;
    void missing;
  });

  it('the canonical order must rank every ASL field', () => {
    expectTypeOf<'Resource'>().toMatchTypeOf<AnyStateField>();
    // An incomplete order is a type error naming what it misses.
    expectTypeOf<CoversEveryStateField<typeof ORDER>>().toMatchTypeOf<{ missing: AnyStateField }>();
    // @ts-expect-error a short list does not cover every field
    const incomplete: CoversEveryStateField<typeof ORDER> = ORDER;
    void incomplete;
  });

  it('the Task emitter table covers every AST field', () => {
    const today: { readonly [K in keyof TaskNode]-?: string } = TASK_NODE_FIELDS;
    void today;
    // @ts-expect-error newField has no emitter
    const missing: { readonly [K in keyof TaskNodeWithNewField]-?: string } = TASK_NODE_FIELDS;
    void missing;
  });
});
