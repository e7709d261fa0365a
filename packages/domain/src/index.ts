export * from './auth/schemas';
export * from './common/schemas';
export * from './office/schemas';
export * from './status/levels';
export * from './status/schemas';
export * from './unit/schemas';
export * from './user/schemas';
