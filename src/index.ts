/**
 * Statecraft's public API. Each area re-exports its own public surface from its `index.ts`.
 */
export * from './asl/index';
