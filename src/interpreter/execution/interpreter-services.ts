import type { IntegrationRuntime } from '../callbacks/integration-runtime';
import type { Clock } from '../clock/clock';
import type { S3ObjectStore } from '../map-run-io';
import type { RandomSource } from '../random/seeded-random';
import type { MockConfigFile } from '../tasks/mock-config-file';
import type { TaskMocks } from '../tasks/task-mocks';

/** What an interpreter shares with its state machines and executions. */
export interface InterpreterServices {
  clock: Clock;
  region: string;
  accountId: string;
  mocks: TaskMocks | undefined;
  mockConfig: MockConfigFile | undefined;
  s3: S3ObjectStore;
  maxHistoryEvents: number | undefined;
  maxExpressEvents: number;
  recordHistory: boolean;
  /** A fresh, deterministic random source per execution. */
  nextRandom(): RandomSource;
  /** Task tokens, activities, `.sync` jobs, nested executions (shared by every execution). */
  integrations?: IntegrationRuntime;
}
