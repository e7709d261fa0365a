import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { loadGrants } from '../auth/repository';
import type { AuthedContext } from '../context';
import { callerAs, contextFor, createFixture, type Fixture, failure } from '../testing/index';
import { writeupsToXlsx } from './export';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});
const as = (who: keyof Fixture['users']) => callerAs(t.db, f.users[who]);

it('takes a suggestion from staff to an adopted reply tied to a task', async () => {
  const member = await as('unit1Member');
  const s = await member.suggestion.create({
    campaignId: f.campaigns.U1,
    title: '设立党员示范岗',
    body: '在服务大厅设立党员示范岗，亮身份、作表率。',
  });
  expect(s).toMatchObject({ status: 'open', authorName: 'u1.member' });
  const admin = await as('unit1Admin');
  const replied = await admin.suggestion.reply({
    id: s.id,
    status: 'adopted',
    reply: '采纳，纳入任务分解',
    taskId: f.tasks.U1A,
    version: s.version,
  });
  expect(replied).toMatchObject({
    status: 'adopted',
    taskId: f.tasks.U1A,
    reply: '采纳，纳入任务分解',
    version: s.version + 1,
  });
  expect(replied.taskTitle).toEqual(expect.any(String));
  // A reply written from the unanswered suggestion does not silently replace the first one.
  expect(
    await failure(
      admin.suggestion.reply({ id: s.id, status: 'declined', reply: '暂不采纳', version: s.version }),
    ),
  ).toEqual({ code: 'CONFLICT', appCode: 'STALE_VERSION' });
  // The refused form reloads the suggestion by id: the first reply is what it gets.
  expect((await admin.suggestion.list({ id: s.id })).items).toEqual([replied]);
  expect(
    (
      await failure(
        member.suggestion.reply({ id: s.id, status: 'declined', reply: 'x', version: replied.version }),
      )
    ).code,
  ).toBe('FORBIDDEN');
  expect((await admin.suggestion.list({ status: 'adopted' })).items.map((x) => x.title)).toEqual([
    '设立党员示范岗',
  ]);
});

it('collects write-ups per campaign', async () => {
  const head = await as('unit1HeadA');
  await head.writeup.create({
    campaignId: f.campaigns.U1,
    title: '参与创建的体会',
    body: '通过创建，科室作风明显转变。',
  });
  const list = await (await as('cityInspector')).writeup.list({ campaignId: f.campaigns.U1 });
  expect(list.items).toMatchObject([{ authorName: 'u1.head.a', title: '参与创建的体会' }]);
  // Staff's own words are not for analysts: the list is empty for them.
  expect((await (await as('cityAnalyst')).writeup.list({ campaignId: f.campaigns.U1 })).items).toEqual([]);
});

it('runs a selection: nominations, one vote per member, published result filed in the ledger', async () => {
  const admin = await as('unit1Admin');
  let sel = await admin.selection.nominate({
    selectionId: f.selections.U1,
    name: '李娜',
    departmentId: f.departments.A,
    reason: '服务窗口零投诉',
  });
  sel = await admin.selection.startVoting({ id: sel.id });
  const li = sel.nominees.find((n) => n.name === '李娜')!;
  const other = sel.nominees.find((n) => n.name === '候选人')!;
  const member = await as('unit1Member');
  const afterVote = await member.selection.vote({ selectionId: sel.id, nomineeId: li.id });
  expect(afterVote.myVote).toBe(li.id);
  expect(afterVote.nominees.every((n) => n.votes === null)).toBe(true);
  expect((await failure(member.selection.vote({ selectionId: sel.id, nomineeId: other.id }))).code).toBe(
    'CONFLICT',
  );
  await (await as('unit1HeadA')).selection.vote({ selectionId: sel.id, nomineeId: li.id });
  await admin.selection.vote({ selectionId: sel.id, nomineeId: other.id });
  expect(
    (await failure((await as('unit4Admin')).selection.vote({ selectionId: sel.id, nomineeId: li.id }))).code,
  ).toBe('NOT_FOUND');

  // Published at 04:00 in China (20:00 UTC): the ledger entry is dated by China's calendar.
  const evening = new Date();
  evening.setUTCHours(20, 0, 0, 0);
  const publisher = await callerAs(t.db, f.users.unit1Admin, { clock: fixedClock(evening.toISOString()) });
  const published = await publisher.selection.publish({ id: sel.id });
  expect(published.status).toBe('published');
  expect(published.nominees.map((n) => [n.name, n.votes, n.won])).toEqual([
    ['候选人', 1, false],
    ['李娜', 2, true],
  ]);
  const filed = await admin.evidence.get({ id: published.evidenceId! });
  expect(filed).toMatchObject({
    kind: 'evaluation_record',
    title: '2027年度文明职工评选结果',
    participants: 3,
    eventDate: new Date(evening.getTime() + 8 * 3600_000).toISOString().slice(0, 10),
  });
  expect(filed.description).toContain('当选：李娜（科室A）');
});

it('lists write-ups across the caller’s units and exports a campaign’s as a workbook', async () => {
  const member = await as('unit1Member');
  await member.writeup.create({
    campaignId: f.campaigns.U1,
    title: '志愿服务心得',
    body: '参加文明交通劝导，感受到了责任。',
  });
  const inspector = await as('cityInspector');
  const all = await inspector.writeup.list({});
  expect(all.items).toMatchObject([{ title: '志愿服务心得', unitId: f.units.U1, authorName: 'u1.member' }]);
  // U4 belongs to another city: its staff see none of U1's write-ups.
  expect((await (await as('unit4Admin')).writeup.list({})).items).toEqual([]);

  const admin = f.users.unit1Admin;
  const ctx = contextFor(t.db, {
    id: admin,
    username: 'u1.admin',
    displayName: 'u1.admin',
    sessionId: 't',
    grants: await loadGrants(t.db, admin),
  }) as AuthedContext;
  const file = await writeupsToXlsx(ctx, f.campaigns.U1);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
  const rows = workbook.getWorksheet('心得体会')!.getSheetValues().filter(Boolean) as unknown[][];
  expect(rows).toHaveLength(2);
  expect(rows[1]).toEqual(
    expect.arrayContaining([1, '志愿服务心得', 'u1.member', '参加文明交通劝导，感受到了责任。']),
  );
});
