import type { Kysely } from 'kysely';

// Inbox items are written by the server, in no reader's language: each now keeps its
// English wording beside the Chinese. Items written before stay Chinese only (null here).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('notifications')
    .addColumn('title_en', 'text')
    .addColumn('body_en', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('title_en').dropColumn('body_en').execute();
}
