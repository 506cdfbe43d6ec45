export * from './types';
export * from './error-names';
