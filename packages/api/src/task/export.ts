import { readable } from '../campaign/service';
import type { AuthedContext } from '../context';
import { loadExcel } from '../lazy';
import { list } from './service';

const STATUS = { todo: '未开始', in_progress: '进行中', done: '已完成' } as const;

/** The task decomposition of a campaign as a workbook, as campaign offices print and circulate it. */
export async function tasksToXlsx(ctx: AuthedContext, campaignId: string) {
  const Excel = await loadExcel();
  const campaign = await readable(ctx, campaignId);
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet('任务分解');
  sheet.columns = [
    { header: '序号 / No.', key: 'no', width: 8 },
    { header: '测评指标 / Indicators', key: 'indicators', width: 28 },
    { header: '任务 / Task', key: 'title', width: 40 },
    { header: '责任领导 / Leader', key: 'leader', width: 14 },
    { header: '责任科室 / Department', key: 'department', width: 16 },
    { header: '完成时限 / Deadline', key: 'deadline', width: 14 },
    { header: '状态 / Status', key: 'status', width: 10 },
    { header: '必须完成 / Required', key: 'required', width: 12 },
    { header: '逾期 / Overdue', key: 'overdue', width: 10 },
    { header: '进展情况 / Progress', key: 'note', width: 40 },
  ];
  let no = 0;
  let cursor: string | undefined;
  do {
    const page = await list(ctx, { campaignId, cursor, limit: 200 });
    for (const task of page.items) {
      sheet.addRow({
        no: ++no,
        indicators: task.indicators.map((i) => `${i.code} ${i.name}`).join('\n'),
        title: task.title,
        leader: task.responsibleLeader ?? '',
        department: task.departmentName ?? '',
        deadline: task.deadline ?? '',
        status: STATUS[task.status],
        required: task.required ? '是' : '否',
        overdue: task.overdue ? '是' : '',
        note: task.progressNote,
      });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.eachRow((row) => {
    row.alignment = { vertical: 'top', wrapText: true };
  });
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: `${campaign.unit_code}-${campaign.term_start_year}-${campaign.term_end_year}-tasks.xlsx`,
    body,
  };
}
