export * from './periods';
export * from './schemas';
