import { catalogueCall } from './service-action';

/** One event of an EventBridge `PutEvents` request. */
export interface EventBridgeEntry {
  Detail: unknown;
  DetailType: string;
  Source: string;
  EventBusName?: string;
  Resources?: string[];
  Time?: string;
  TraceHeader?: string;
}
/** The request of EventBridge `PutEvents`: `{ Entries }`. */
export interface PutEventsParams {
  Entries: EventBridgeEntry[];
}
/** What EventBridge `PutEvents` returns. */
export interface PutEventsResult {
  Entries: { EventId?: string; ErrorCode?: string; ErrorMessage?: string }[];
  FailedEntryCount: number;
}
/** Error names EventBridge tasks raise (`EventBridge.*`), for `.retry`/`.catch`. */
export type EventBridgeError = `EventBridge.${string}`;


/**
 * Amazon EventBridge: `eventBridge.putEvents(...)` and `.waitForTaskToken(...)`.
 *
 * @example
 * .task('Announce', eventBridge.putEvents(s => ({ Entries: [{ Source: 'shop', DetailType: 'OrderPlaced', Detail: s.order }] })))
 */
export const eventBridge = Object.freeze({
  putEvents: catalogueCall('events', 'putEvents')<PutEventsParams, PutEventsResult, EventBridgeError>(),
});
