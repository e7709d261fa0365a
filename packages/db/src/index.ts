export { declaredColumns } from './columns';
export { type CreateDbOptions, createDb, type Database, type Engine, runPrepared } from './create-db';
export { migrateDown, migrateToLatest } from './migrate';
export {
  cachedDir,
  copyDirWhole,
  fillFromTemplate,
  isPgliteDataDir,
  pgliteSchemaKey,
} from './pglite-template';
export * from './schema';
export * from './schema-assessment';
export * from './schema-rollups';
export * from './schema-supervision';
export { type Db, type Tx, withTx } from './tx';
