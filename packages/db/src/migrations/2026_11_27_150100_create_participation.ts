import { type Kysely, sql } from 'kysely';

// Staff participation: the suggestion drive (我为创建献一计), experience write-ups (心得体会)
// and internal selections (文明科室, 文明职工, 岗位能手, 道德模范 …) with a staff vote.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('suggestions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('campaign_id', 'uuid', (c) => c.references('campaigns.id'))
    .addColumn('author_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`status in ('open', 'adopted', 'noted', 'declined')`),
    )
    .addColumn('reply', 'text')
    .addColumn('replied_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('replied_at', 'timestamptz')
    .addColumn('task_id', 'uuid', (c) => c.references('tasks.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('suggestions_office_idx')
    .on('suggestions')
    .columns(['office_id', 'unit_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('writeups')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id'))
    .addColumn('author_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('writeups_office_idx')
    .on('writeups')
    .columns(['office_id', 'campaign_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('selections')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('campaign_id', 'uuid', (c) => c.references('campaigns.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`category in ('civilized_department', 'civilized_staff', 'post_expert', 'moral_model', 'other')`,
        ),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('nominating').check(sql`status in ('nominating', 'voting', 'published')`),
    )
    .addColumn('winners', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('evidence_id', 'uuid', (c) => c.references('evidence_items.id'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('selections_office_idx')
    .on('selections')
    .columns(['office_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('selection_nominees')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('selection_id', 'uuid', (c) => c.notNull().references('selections.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department_id', 'uuid', (c) => c.references('departments.id'))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('selection_nominees_office_idx')
    .on('selection_nominees')
    .columns(['office_id', 'selection_id'])
    .execute();

  // One vote per eligible user per selection, enforced by the key.
  await db.schema
    .createTable('selection_votes')
    .addColumn('selection_id', 'uuid', (c) => c.notNull().references('selections.id'))
    .addColumn('voter_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('nominee_id', 'uuid', (c) => c.notNull().references('selection_nominees.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('selection_votes_pkey', ['selection_id', 'voter_id'])
    .execute();
  await db.schema
    .createIndex('selection_votes_office_idx')
    .on('selection_votes')
    .columns(['office_id', 'selection_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['selection_votes', 'selection_nominees', 'selections', 'writeups', 'suggestions']) {
    await db.schema.dropTable(table).execute();
  }
}
