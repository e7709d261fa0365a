import { subject } from '@casl/ability';
import { AppError } from '@wenming/core';
import type { AuthedContext } from '../context';
import { loadQrCode } from '../lazy';

/** Where a respondent lands: the light public answer page of one unit's link. */
export function surveyUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/s/${encodeURIComponent(token)}`;
}

async function readableLink(ctx: AuthedContext, token: string) {
  const row = await ctx.db
    .selectFrom('survey_targets as t')
    .innerJoin('surveys as s', 's.id', 't.survey_id')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .select([
      's.id',
      's.office_id',
      's.unit_id',
      's.title_zh',
      's.closes_on',
      'u.name as unit_name',
      't.token',
    ])
    .where('t.token', '=', token)
    .executeTakeFirst();
  if (
    !row ||
    !ctx.ability.can(
      'read',
      subject('Survey', { id: row.id, office_id: row.office_id, unit_id: row.unit_id }),
    )
  ) {
    throw new AppError('NOT_FOUND', { message: 'survey link not found' });
  }
  return row;
}

/** The QR code of a unit's survey link, as PNG (print, share) or SVG (posters at any size). */
export async function qrCode(ctx: AuthedContext, token: string, format: 'png' | 'svg', publicUrl: string) {
  const link = await readableLink(ctx, token);
  const url = surveyUrl(publicUrl, link.token);
  const QRCode = await loadQrCode();
  const body =
    format === 'png'
      ? await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 600 })
      : Buffer.from(await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
  return { fileName: `${link.unit_name}-满意度测评二维码.${format}`, body, url };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A printable A4 poster: title, unit, the QR code large, and the link for those who type it. */
export async function poster(ctx: AuthedContext, token: string, publicUrl: string) {
  const link = await readableLink(ctx, token);
  const url = surveyUrl(publicUrl, link.token);
  const QRCode = await loadQrCode();
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(link.title_zh)}</title>
<style>@page{size:A4;margin:18mm}body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;text-align:center;color:#222}
h1{font-size:28pt;margin:10mm 0 4mm}h2{font-size:18pt;font-weight:normal;margin:0 0 12mm}.qr{width:120mm;margin:0 auto}
p{font-size:14pt}code{font-size:11pt;color:#555;word-break:break-all}</style></head>
<body><h1>${esc(link.title_zh)}</h1><h2>${esc(link.unit_name)}</h2><div class="qr">${svg}</div>
<p>请用手机扫描二维码参与测评，匿名填写，约需 2 分钟。</p><p>截止日期：${esc(link.closes_on)}</p><code>${esc(url)}</code></body></html>`;
  return { fileName: `${link.unit_name}-测评海报.html`, body: Buffer.from(html) };
}
