export * from './lifecycle';
export * from './opening';
export * from './schemas';
