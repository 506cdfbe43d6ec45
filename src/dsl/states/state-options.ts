import type { QueryLanguage } from '../../asl/types';

/** Options every state accepts. */
export interface StateOptions {
  /** `Comment` in the emitted state. */
  comment?: string;
  /** This state's query language, overriding the workflow's. */
  queryLanguage?: QueryLanguage;
}
