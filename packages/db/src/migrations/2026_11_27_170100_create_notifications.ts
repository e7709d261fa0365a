import { type Kysely, sql } from 'kysely';

// The in-app inbox, and where each user wants email copies of it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('link', 'text')
    // A reminder names its deadline here, so the scheduler never sends it twice, whichever
    // instance runs and however often it restarts.
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .addColumn('email_status', 'text', (c) =>
      c.notNull().defaultTo('none').check(sql`email_status in ('none', 'pending', 'sent', 'failed')`),
    )
    .addUniqueConstraint('notifications_dedupe_key', ['user_id', 'dedupe_key'])
    .execute();
  await db.schema
    .createIndex('notifications_office_idx')
    .on('notifications')
    .columns(['office_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('notifications_inbox_idx')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notifications_email_idx')
    .on('notifications')
    .column('created_at')
    .where(sql.ref('email_status'), '=', 'pending')
    .execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('email', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notification_settings_office_idx')
    .on('notification_settings')
    .column('office_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_settings').execute();
  await db.schema.dropTable('notifications').execute();
}
