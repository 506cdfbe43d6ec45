export * from './types';
export * from './error-names';
export * from './task-resource';
export * from './validate/index';
