import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { callerAs, createFixture, type Fixture } from '../testing/index';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});
const clock = fixedClock('2027-04-10T02:00:00Z');

it('names each target unit its public address and carries the introduction in both languages', async () => {
  const office = await callerAs(t.db, f.users.cityAdmin, { clock, publicUrl: 'https://wm.example.org/' });
  const created = await office.survey.create({
    officeId: f.offices.C,
    unitIds: [f.units.U1, f.units.U2],
    title: { zh: '窗口服务满意度测评', en: 'Counter service survey' },
    description: '请花两分钟评价窗口服务。',
    descriptionEn: 'Two minutes to rate our counter service.',
    audience: 'public',
    questions: [
      {
        id: 'overall',
        kind: 'scale5',
        required: true,
        title: { zh: '总体满意度', en: 'Overall' },
        options: [],
        maxLength: 500,
      },
    ],
    opensOn: '2027-04-01',
    closesOn: '2027-04-30',
  });
  expect(created.links).toHaveLength(2);
  for (const link of created.links)
    expect(link.url).toBe(`https://wm.example.org/s/${encodeURIComponent(link.token)}`);
  expect(created.descriptionEn).toBe('Two minutes to rate our counter service.');

  await office.survey.open({ id: created.id });
  const anyone = await callerAs(t.db, null, { clock });
  const form = await anyone.survey.form({ token: created.links[0]!.token });
  expect(form).toMatchObject({
    description: '请花两分钟评价窗口服务。',
    descriptionEn: 'Two minutes to rate our counter service.',
  });

  // Without a known public address the link is the page on the caller's own host.
  const local = await callerAs(t.db, f.users.cityAdmin, { clock });
  const again = await local.survey.get({ id: created.id });
  expect(again.links.map((l) => l.url)).toEqual(again.links.map((l) => `/s/${l.token}`));
});

it('stores an answer only under one of its survey’s links: the unit asked, with that link’s office', async () => {
  // Under a savepoint: the test's transaction goes on after a refused row.
  const answer = async (unitId: string, officeId: string) => {
    await sql`savepoint answer`.execute(t.db);
    try {
      await t.db
        .insertInto('survey_responses')
        .values({
          survey_id: f.surveys.U1,
          office_id: officeId,
          unit_id: unitId,
          respondent: `r-${unitId}-${officeId}`,
          answers: JSON.stringify({ q: 5 }),
        })
        .execute();
    } catch (error) {
      await sql`rollback to savepoint answer`.execute(t.db);
      throw error;
    }
  };
  await answer(f.units.U1, f.offices.D1);
  // U4 was not asked by this survey; U1's answer cannot be filed under another office.
  await expect(answer(f.units.U4, f.offices.C2)).rejects.toThrow(/survey_responses_target_fkey/);
  await expect(answer(f.units.U1, f.offices.C2)).rejects.toThrow(/survey_responses_target_fkey/);
  const stored = await t.db
    .selectFrom('survey_responses')
    .select(['unit_id', 'office_id'])
    .where('survey_id', '=', f.surveys.U1)
    .execute();
  expect(stored).toEqual([{ unit_id: f.units.U1, office_id: f.offices.D1 }]);
});
