import { selector, type Selector } from '../paths/selector';

/** The context object (`$$` in JSONPath, `$states.context` in JSONata) as every state sees it. */
export interface ContextObject {
  readonly Execution: {
    readonly Id: string;
    readonly Input: unknown;
    readonly Name: string;
    readonly RoleArn: string;
    readonly StartTime: string;
    readonly RedriveCount: number;
    readonly RedriveTime: string;
  };
  readonly State: { readonly EnteredTime: string; readonly Name: string; readonly RetryCount: number };
  readonly StateMachine: { readonly Id: string; readonly Name: string };
}

declare const TASK_TOKEN: unique symbol;
/** A task token: only a `.waitForTaskToken` task can read one (`ctx.Task.Token`). */
export type TaskToken = string & { readonly [TASK_TOKEN]: true };

/** The context inside a `.waitForTaskToken` call: adds `Task.Token`. */
export interface CallbackContextObject extends ContextObject {
  readonly Task: { readonly Token: TaskToken };
}

/** The context inside a Map's `itemSelector`: adds the current item. */
export interface MapItemContextObject<Item> extends ContextObject {
  readonly Map: {
    readonly Item: { readonly Index: number; readonly Value: Item; readonly Key: string; readonly Source: string };
  };
}

/**
 * The context object, for use anywhere a value is expected (`ctx.Execution.Id`). The task token
 * and the Map item are deliberately absent: they exist only in the callbacks that receive them.
 *
 * @example
 * .pass('Stamp', { parameters: () => ({ startedAt: ctx.Execution.StartTime }) })
 */
export const ctx: Selector<ContextObject> = selector<ContextObject>('context');

export function contextSelector<C extends ContextObject>(): Selector<C> {
  return selector<C>('context');
}
