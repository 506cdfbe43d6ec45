import { requestResponse, waitForCallback } from './service-action';

export interface EventBridgeEntry {
  Detail: unknown;
  DetailType: string;
  Source: string;
  EventBusName?: string;
  Resources?: string[];
  Time?: string;
  TraceHeader?: string;
}
export interface PutEventsParams {
  Entries: EventBridgeEntry[];
}
export interface PutEventsResult {
  Entries: { EventId?: string; ErrorCode?: string; ErrorMessage?: string }[];
  FailedEntryCount: number;
}
export type EventBridgeError = `EventBridge.${string}`;

const putEvents = { service: 'events', action: 'putEvents', errors: [] as EventBridgeError[] };

/**
 * Amazon EventBridge: `eventBridge.putEvents(...)` and `.waitForTaskToken(...)`.
 *
 * @example
 * .task('Announce', eventBridge.putEvents(s => ({ Entries: [{ Source: 'shop', DetailType: 'OrderPlaced', Detail: s.order }] })))
 */
export const eventBridge = Object.freeze({
  putEvents: Object.assign(requestResponse<PutEventsParams, PutEventsResult, EventBridgeError>(putEvents), {
    waitForTaskToken: waitForCallback<PutEventsParams, EventBridgeError>(putEvents),
  }),
});
