import type { Kysely } from 'kysely';
import { type MigrationResultSet, Migrator } from 'kysely/migration';
import { migrations } from './migrations/index';
import { applyTenantPolicies } from './rls/policies';

/**
 * `schema`: where the migration bookkeeping lives when it is not `public`. Without it,
 * Kysely looks for its tables in every schema and may find another test schema's.
 */
function migrator(db: Kysely<any>, schema?: string): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/**
 * Brings the database to the latest schema, then (re)applies the row-level security
 * policies to every tenant table, new ones included (skipped when no migration ran and the
 * policies are those recorded); throws with the failing migration's name.
 */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<string[]> {
  const applied = unwrap(await migrator(db, schema).migrateToLatest());
  await applyTenantPolicies(db, { unlessCurrent: applied.length === 0 });
  return applied;
}

export async function migrateDown(db: Kysely<any>, schema?: string): Promise<string[]> {
  return unwrap(await migrator(db, schema).migrateDown());
}

function unwrap({ error, results }: MigrationResultSet): string[] {
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
