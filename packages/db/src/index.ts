export { declaredColumns } from './columns';
export { type CreateDbOptions, createDb, type Database, type Engine } from './create-db';
export { migrateDown, migrateToLatest } from './migrate';
export * from './schema';
export * from './schema-assessment';
export * from './schema-supervision';
export { type Db, type Tx, withTx } from './tx';
