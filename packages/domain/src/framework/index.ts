export * from './analysis';
export * from './file-schema';
export * from './schemas';
export * from './validate';
