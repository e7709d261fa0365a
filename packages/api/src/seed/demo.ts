import type { Db } from '@wenming/db';
import { withTx } from '@wenming/db';
import type { BlobStore } from '@wenming/storage';
import { hashPassword } from '../auth/password';
import { seedDemoAssessment } from './demo-assessment';
import { seedDemoBulletins } from './demo-bulletins';
import { seedDemoCampaigns } from './demo-campaigns';
import { DEMO_OFFICES, DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS } from './demo-data';
import { seedDemoLedger } from './demo-ledger';
import { seedDemoParticipation } from './demo-participation';
import { carryDemoStandingMaterials } from './demo-previous-term';
import { seedDemoSupervision } from './demo-supervision';

export interface DemoSummary {
  seeded: boolean;
  offices: number;
  units: number;
  users: number;
}

/**
 * Seeds the demo city into an empty database; does nothing when offices already exist, so
 * `pnpm start` can call it on every start.
 */
export async function seedDemo(
  db: Db,
  options: { users?: boolean; engine?: 'pglite' | 'postgres'; now?: Date; store?: BlobStore } = {},
): Promise<DemoSummary> {
  const existing = await db.selectFrom('offices').select('id').limit(1).executeTakeFirst();
  if (existing) return { seeded: false, offices: 0, units: 0, users: 0 };
  const withUsers = options.users ?? true;
  // Every demo account shares the one documented password: one hash (about 50 ms of scrypt)
  // serves them all instead of one per account.
  const hash = withUsers ? await hashPassword(DEMO_PASSWORD) : '';

  return withTx(db, async (trx) => {
    const officeIds = new Map<string, string>();
    for (const office of DEMO_OFFICES) {
      const row = await trx
        .insertInto('offices')
        .values({
          code: office.code,
          name: office.name,
          level: office.level,
          parent_id: office.parent ? officeIds.get(office.parent)! : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      officeIds.set(office.key, row.id);
    }

    const unitIds = new Map<string, { id: string; office_id: string; departments: Map<string, string> }>();
    for (const unit of DEMO_UNITS) {
      const officeId = officeIds.get(unit.office)!;
      const row = await trx
        .insertInto('units')
        .values({
          office_id: officeId,
          code: unit.code,
          name: unit.name,
          type: unit.type,
          address: unit.address,
          contact_name: unit.contact[0],
          contact_phone: unit.contact[1],
          status_level: unit.level,
          term_start_year: unit.term?.[0] ?? null,
          term_end_year: unit.term?.[1] ?? null,
          decision_no: unit.decision ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const departments = await trx
        .insertInto('departments')
        .values(unit.departments.map((name) => ({ office_id: officeId, unit_id: row.id, name })))
        .returning(['id', 'name'])
        .execute();
      unitIds.set(unit.key, {
        id: row.id,
        office_id: officeId,
        departments: new Map(departments.map((d) => [d.name, d.id])),
      });
      await trx
        .insertInto('status_records')
        .values({ office_id: officeId, unit_id: row.id, action: 'initial', level: 'none' })
        .execute();
      if (unit.term) {
        await trx
          .insertInto('status_records')
          .values({
            office_id: officeId,
            unit_id: row.id,
            action: 'conferral',
            level: unit.level,
            term_start_year: unit.term[0],
            term_end_year: unit.term[1],
            decision_no: unit.decision ?? null,
            decided_on: `${unit.term[0]}-01-15`,
            reason: '经测评达到标准，予以命名',
          })
          .execute();
      }
    }

    if (withUsers) {
      for (const user of DEMO_USERS) {
        const unit = user.unit ? unitIds.get(user.unit)! : null;
        const officeId = unit ? unit.office_id : officeIds.get(user.office!)!;
        const row = await trx
          .insertInto('users')
          .values({
            office_id: officeId,
            unit_id: unit?.id ?? null,
            username: user.username,
            display_name: user.displayName,
            phone: user.phone,
            password_hash: hash,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('role_assignments')
          .values({
            user_id: row.id,
            role: user.role,
            office_id: officeId,
            unit_id: unit?.id ?? null,
            department_id: user.department ? unit!.departments.get(user.department)! : null,
          })
          .execute();
      }
    }
    // One transaction for everything: a failed seed leaves an empty database, not half a city.
    await seedDemoCampaigns(trx, options.engine ?? 'pglite', options.now ?? new Date());
    // Without a file store (some tests) the ledger stays empty.
    if (options.store)
      await seedDemoLedger(trx, options.engine ?? 'pglite', options.store, options.now ?? new Date());
    await seedDemoSupervision(trx, options.engine ?? 'pglite', options.now ?? new Date());
    await seedDemoParticipation(trx, options.engine ?? 'pglite', options.now ?? new Date());
    await carryDemoStandingMaterials(trx, options.engine ?? 'pglite');
    await seedDemoAssessment(trx, options.engine ?? 'pglite', options.now ?? new Date());
    await seedDemoBulletins(trx, options.engine ?? 'pglite', options.now ?? new Date());
    return {
      seeded: true,
      offices: DEMO_OFFICES.length,
      units: DEMO_UNITS.length,
      users: withUsers ? DEMO_USERS.length : 0,
    };
  });
}
