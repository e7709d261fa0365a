import { ZQuestionnaire } from '@wenming/domain';
import type { AuthedContext } from '../context';
import { loadExcel } from '../lazy';
import { results } from './results';

const pct = (v: number | null) => (v === null ? '' : Math.round(v * 1000) / 10);

/** Survey results as a workbook: by unit, by question (with the 1–5 spread), and free text where the caller may read it. */
export async function surveyToXlsx(ctx: AuthedContext, surveyId: string) {
  const Excel = await loadExcel();
  const r = await results(ctx, surveyId);
  const survey = await ctx.db
    .selectFrom('surveys')
    .select(['title_zh', 'questions'])
    .where('id', '=', surveyId)
    .executeTakeFirstOrThrow();
  const questions = ZQuestionnaire.parse(survey.questions);
  const workbook = new Excel.Workbook();
  const units = workbook.addWorksheet('按单位');
  units.addRow(['单位 / Unit', '答卷数 / Responses', '满意率% / Satisfied %', '平均分 / Mean']).font = {
    bold: true,
  };
  for (const u of r.units)
    units.addRow([
      u.unitName,
      u.responses,
      pct(u.satisfaction),
      u.mean === null ? '' : Math.round(u.mean * 100) / 100,
    ]);
  units.columns.forEach((c, i) => {
    c.width = i === 0 ? 30 : 16;
  });
  const byQuestion = workbook.addWorksheet('按题目');
  byQuestion.addRow([
    '题目 / Question',
    '作答数 / Answered',
    '满意率% / Satisfied %',
    '平均分 / Mean',
    '1',
    '2',
    '3',
    '4',
    '5',
    '选项 / Options',
  ]).font = { bold: true };
  for (const q of r.questions) {
    const question = questions.find((x) => x.id === q.id)!;
    byQuestion.addRow([
      question.title.zh,
      q.answered,
      pct(q.satisfaction),
      q.mean === null ? '' : Math.round(q.mean * 100) / 100,
      ...(q.distribution ?? ['', '', '', '', '']),
      q.options
        .map((o) => `${question.options.find((x) => x.id === o.id)?.label.zh ?? o.id}: ${o.count}`)
        .join('\n'),
    ]);
  }
  byQuestion.getColumn(1).width = 40;
  byQuestion.getColumn(10).width = 40;
  const texts = r.questions.filter((q) => q.texts !== null && q.texts.length > 0);
  if (texts.length) {
    const sheet = workbook.addWorksheet('意见建议');
    sheet.addRow(['题目 / Question', '回答 / Answer']).font = { bold: true };
    for (const q of texts)
      for (const text of q.texts!) sheet.addRow([questions.find((x) => x.id === q.id)!.title.zh, text]);
    sheet.getColumn(1).width = 30;
    sheet.getColumn(2).width = 80;
  }
  return { fileName: `${survey.title_zh}-结果.xlsx`, body: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
