import { type Kysely, sql } from 'kysely';

// Browsers a user has signed in from before (OWASP "device cookies"): an attacker guessing an
// account's password blocks it for new browsers only, while the owner's own browser keeps
// signing in. Keyed by username like login_attempts, since the check runs before the user is
// looked up; one browser may be trusted for several accounts (a shared office computer).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_devices')
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('login_devices_pkey', ['token_hash', 'username'])
    .execute();
  await db.schema
    .createIndex('login_devices_username_idx')
    .on('login_devices')
    .columns(['username', 'last_used_at'])
    .execute();

  // The trusted device an attempt came from, so a device's own failures can be counted.
  await db.schema.alterTable('login_attempts').addColumn('device_id', 'text').execute();
  await db.schema
    .createIndex('login_attempts_device_idx')
    .on('login_attempts')
    .columns(['device_id', 'attempted_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('login_attempts_device_idx').execute();
  await db.schema.alterTable('login_attempts').dropColumn('device_id').execute();
  await db.schema.dropTable('login_devices').execute();
}
