/** The frozen, plain-data workflow description the builders produce and the compiler reads. */
export type * from './value';
export type * from './states';
export type * from './chain';
export type * from './error-handling';
export type * from './workflow';
export { UNKNOWN_SOURCE, type SourceLocation } from './source-location';
