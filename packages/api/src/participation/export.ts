import { readable } from '../campaign/service';
import type { AuthedContext } from '../context';
import { loadExcel } from '../lazy';
import { listWriteups } from './suggestions';

/** A campaign's experience write-ups (心得体会) as a workbook, for the summary binder. */
export async function writeupsToXlsx(ctx: AuthedContext, campaignId: string) {
  const Excel = await loadExcel();
  const campaign = await readable(ctx, campaignId);
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet('心得体会');
  sheet.columns = [
    { header: '序号 / No.', key: 'no', width: 8 },
    { header: '标题 / Title', key: 'title', width: 30 },
    { header: '作者 / Author', key: 'author', width: 14 },
    { header: '提交时间 / Submitted', key: 'at', width: 18 },
    { header: '正文 / Text', key: 'body', width: 80 },
  ];
  let no = 0;
  let cursor: string | undefined;
  do {
    const page = await listWriteups(ctx, { campaignId, cursor, limit: 200 });
    for (const w of page.items)
      sheet.addRow({
        no: ++no,
        title: w.title,
        author: w.authorName,
        // Shown as the office sees the day: China time, minutes.
        at: new Date(w.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }),
        body: w.body,
      });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.eachRow((row) => {
    row.alignment = { vertical: 'top', wrapText: true };
  });
  return {
    fileName: `${campaign.unit_code}-${campaign.term_start_year}-${campaign.term_end_year}-心得体会.xlsx`,
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
