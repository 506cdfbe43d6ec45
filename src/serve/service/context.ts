import type { Interpreter } from '../../interpreter/execution/interpreter';
import type { Persistence } from '../durability/disk-store';
import type { Catalog } from '../model/catalog';
import type { ExecutionIndex } from '../model/execution-index';
import type { MachineRuntime } from '../model/machine-runtime';
import type { ExecutionMocks } from './execution-mocks';

/** What every action handler works with: the server's state, shared by all requests. */
export interface ServeContext {
  interpreter: Interpreter;
  catalog: Catalog;
  executions: ExecutionIndex;
  machines: MachineRuntime;
  persistence: Persistence;
  mocks: ExecutionMocks;
  /** The interpreter clock's time (ms). */
  now(): number;
  /** Persists the catalog (before a control-plane call is answered). */
  saveCatalog(): void;
}
