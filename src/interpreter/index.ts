/**
 * The Statecraft interpreter: runs any ASL document with mocked tasks, a virtual clock and an
 * execution history in AWS's format.
 *
 * @example
 * import { Interpreter } from 'statecraft';
 * const sfn = new Interpreter({ startTime: '2024-01-01T00:00:00Z' });
 * const result = await sfn.createStateMachine(definition).startExecution(input).result;
 */
export { Interpreter, runExecution, type RunExecutionOptions } from './execution/interpreter';
export { StateMachine } from './execution/state-machine';
export { Execution, type ExecutionDescription } from './execution/execution';
export { MapRun, MapRunExecution, type MapRunItemCounts, type MapRunStatus } from './states/map/map-run';
export { planRedrive } from './execution/redrive';
export type {
  ExecutionRedrive,
  RedriveResume,
  RedriveInner,
  RedriveChild,
  MapRunRedriveChild,
  MapRunChildRedrive,
  MapRunKeptChild,
  ExecutionResult,
  ExecutionStatus,
  InterpreterOptions,
  StartExecutionOptions,
  StateMachineOptions,
  StateMachineType,
} from './execution/types';
export { neverAnswers, taskFailure, mockResult, type TaskMock, type TaskMocks, type TaskInvocation, type NeverAnswers } from './tasks/task-mocks';
export { mocksFromConfigFile, listTestCases, MockConfigError, mockConfigProblems, type MockConfigFile, type MockedResponse, type MockTarget } from './tasks/mock-config-file';
export { taskTarget, type TaskTarget, type TaskTargetKind } from './tasks/task-target';
export { VirtualClock, RealClock, type Clock, type Timer } from './clock';
export type { HistoryEvent, HistoryEventType } from './history';
export { StatesError } from './errors';
export { StepFunctionsApiError, type StepFunctionsApiErrorName } from './callbacks/api-error';
export type { PendingTask, PendingTaskFilter, TaskTokenOutcome } from './callbacks/pending-task';
export type { CallbackRegistry } from './callbacks/callback-registry';
export type { ActivityRegistry, ActivityDescription } from './activities/activity-registry';
export type { ActivityTask } from './activities/activity-queue';
export { startActivityWorker, type ActivityWorker, type ActivityHandler, type ActivityTaskContext, type ActivityWorkerApi } from './activities/activity-worker';
export { syncJob, type SyncJob, type SyncJobSpec } from './jobs/sync-job';
export type { JobRecord, JobRegistry } from './jobs/job-registry';
export { InMemoryS3, type S3ObjectStore } from './map-run-io';
export { retryDelaySeconds } from './error-handling/retry-delay';
export { seededRandom, type RandomSource } from './random/seeded-random';
export type { ExecutionSnapshot, ExecutionAnswer, MockAnswer, MockOutcome, TimedAnswer } from './persistence/snapshot-format';
export { SNAPSHOT_VERSION } from './persistence/snapshot-format';
export type { ResumeExecutionOptions } from './persistence/resume-execution';
export { ReplayDivergenceError } from './persistence/divergence';
