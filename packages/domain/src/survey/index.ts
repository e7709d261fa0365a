export * from './answers';
export * from './schemas';
