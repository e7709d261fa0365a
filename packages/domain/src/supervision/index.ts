export * from './rectification';
export * from './schemas';
