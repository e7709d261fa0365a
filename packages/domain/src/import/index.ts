export * from './columns';
export * from './csv';
export * from './rows';
export * from './schemas';
