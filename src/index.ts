/**
 * Statecraft's public API. Each area re-exports its own public surface from its `index.ts`.
 */
export * from './asl/index';
export * from './dsl/index';
export * from './compiler/index';
export * from './interpreter/index';
export * from './iam/index';
