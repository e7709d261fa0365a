export interface ArchiveEntry {
  no: number;
  indicator: string;
  title: string;
  kind: string;
  eventDate: string;
  capturedAt: string;
  keeper: string;
  department: string;
  files: { path: string; sha256: string; bytes: number; originalName: string }[];
}

const SPECIAL = /[&<>"']/;
// Most fields need no change: a test is cheaper than a replacement, for thousands of rows.
const esc = (s: string) => (SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`) : s);

/** The printable index page (目录) of an exported ledger: self-contained, prints on A4. */
export function indexHtml(title: string, entries: ArchiveEntry[]): string {
  const rows = entries
    .map(
      (
        e,
      ) => `<tr><td>${e.no}</td><td>${esc(e.indicator)}</td><td>${esc(e.title)}</td><td>${esc(e.eventDate)}</td>
<td>${esc(e.capturedAt.slice(0, 16).replace('T', ' '))}</td><td>${esc(e.keeper)}</td><td>${esc(e.department)}</td>
<td>${e.files.map((f) => `${esc(f.path.split('/').pop() ?? '')}<br><code>${f.sha256}</code>`).join('<br>')}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
  @page { size: A4 landscape; margin: 12mm; }
  body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 10.5pt; color: #222; }
  h1 { font-size: 16pt; text-align: center; }
  table { width: 100%; border-collapse: collapse; }
  th, td { border: 1px solid #999; padding: 4px 6px; vertical-align: top; }
  th { background: #f0f0f0; }
  code { font-size: 7pt; color: #666; word-break: break-all; }
  tr { page-break-inside: avoid; }
</style></head>
<body><h1>${esc(title)}</h1>
<p>共 ${entries.length} 项材料。SHA-256 用于核对文件未被改动。</p>
<table><thead><tr><th>序号</th><th>测评指标</th><th>材料名称</th><th>发生日期</th><th>录入时间</th><th>责任人</th><th>科室</th><th>文件</th></tr></thead>
<tbody>
${rows}
</tbody></table></body></html>
`;
}
