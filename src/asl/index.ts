export * from './types';
export * from './error-names';
export * from './task-resource';
export * from './integrations/index';
export * from './limits';
export * from './walk';
export * from './validate/index';
