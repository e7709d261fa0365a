import type { TCampaignRollup } from '@wenming/domain';
import { sql } from 'kysely';
import { readable, today } from '../campaign/service';
import type { AuthedContext } from '../context';

interface Row {
  key: string;
  label: string;
  category?: string;
  tasks: number;
  done: number;
  overdue: number;
}

const counts = (today: string) => sql`
  count(t.id)::int as tasks,
  (count(t.id) filter (where t.status = 'done'))::int as done,
  (count(t.id) filter (where t.status <> 'done' and t.deadline < ${today}::date))::int as overdue`;

/**
 * Task completion per indicator, category, department and for the campaign. Indicators and
 * categories without any task are listed too (with zero tasks): they are the gaps.
 */
export async function rollup(ctx: AuthedContext, campaignId: string): Promise<TCampaignRollup> {
  const campaign = await readable(ctx, campaignId);
  const day = today(ctx);
  const campaignTasks = sql`(select ti.indicator_id, t.* from task_indicators ti join tasks t on t.id = ti.task_id
    where t.campaign_id = ${campaignId})`;
  const [byIndicator, byCategory, byDepartment] = await Promise.all([
    sql<Row>`select i.code as key, i.name_zh as label, c.code as category, ${counts(day)}
      from framework_indicators i
      join framework_categories c on c.id = i.category_id
      left join ${campaignTasks} t on t.indicator_id = i.id
      where i.framework_id = ${campaign.framework_id}
      group by i.id, i.code, i.name_zh, c.code, c.position, i.position
      order by c.position, i.position`.execute(ctx.db),
    // A task citing two indicators of one category counts once for it.
    sql<Row>`select c.code as key, c.name_zh as label, ${counts(day)}
      from framework_categories c
      left join lateral (
        select distinct t.id, t.status, t.deadline from ${campaignTasks} t
        join framework_indicators i on i.id = t.indicator_id where i.category_id = c.id
      ) t on true
      where c.framework_id = ${campaign.framework_id}
      group by c.id, c.code, c.name_zh, c.position
      order by c.position`.execute(ctx.db),
    sql<Row>`select coalesce(d.id::text, '') as key, coalesce(d.name, '') as label, ${counts(day)}
      from tasks t left join departments d on d.id = t.department_id
      where t.campaign_id = ${campaignId}
      group by d.id, d.name
      order by d.name nulls last`.execute(ctx.db),
  ]);
  const num = (r: Row) => ({
    key: r.key,
    label: r.label,
    tasks: Number(r.tasks),
    done: Number(r.done),
    overdue: Number(r.overdue),
  });
  return {
    campaign: {
      tasks: campaign.tasks,
      done: campaign.done,
      inProgress: campaign.in_progress,
      overdue: campaign.overdue,
    },
    byCategory: byCategory.rows.map(num),
    byIndicator: byIndicator.rows.map((r) => ({ ...num(r), category: r.category ?? '' })),
    byDepartment: byDepartment.rows.map(num),
  };
}
