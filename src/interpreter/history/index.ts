export { endedAtHistoryLimit, ExecutionHistory } from './history';
export { renderEvent, type HistoryEvent, type HistoryEventType, type RecordedEvent, type RecordedDetails } from './history-event';
export { eventKindCode, EventShape } from './event-kinds';
