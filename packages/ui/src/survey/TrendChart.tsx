import type { TSurveyResults } from '@wenming/domain';
import { Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePhone } from '../layout/screens';
import { formatShare } from './model';

type Day = TSurveyResults['trend'][number];

const H = 180;
const PAD = { top: 12, right: 40, bottom: 24, left: 32 };

/**
 * Answers per day (bars, left scale) and the day's satisfaction (line, right scale, 0–100%),
 * drawn as plain SVG: no chart library for one small picture. The numbers are listed below it.
 */
export function TrendChart({ trend }: { trend: Day[] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  // Narrower drawing on phones, so its labels keep a readable size when it is scaled down.
  const W = usePhone() ? 360 : 640;
  const first = trend[0];
  const last = trend.at(-1);
  if (!first || !last) return null;
  if (trend.length === 1)
    return (
      <Typography.Text type="secondary">
        {t('survey.trendOneDay', {
          day: first.day,
          n: first.responses,
          share: formatShare(first.satisfaction),
        })}
      </Typography.Text>
    );
  const max = Math.max(1, ...trend.map((d) => d.responses));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const step = innerW / trend.length;
  const barW = Math.max(2, Math.min(28, step * 0.6));
  const x = (i: number) => PAD.left + step * i + step / 2;
  const yCount = (n: number) => PAD.top + innerH - (n / max) * innerH;
  const yShare = (s: number) => PAD.top + innerH - s * innerH;
  const points = trend
    .map((d, i) =>
      d.satisfaction === null ? null : `${x(i).toFixed(1)},${yShare(d.satisfaction).toFixed(1)}`,
    )
    .filter(Boolean)
    .join(' ');
  const total = trend.reduce((n, d) => n + d.responses, 0);
  return (
    <Flex vertical gap={8}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={t('survey.trendSummary', { from: first.day, to: last.day, n: total })}
        style={{ width: '100%', height: 'auto', maxHeight: 240 }}
      >
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={PAD.top + innerH}
          y2={PAD.top + innerH}
          stroke={token.colorBorder}
        />
        <text x={PAD.left - 6} y={PAD.top + 4} fontSize={11} textAnchor="end" fill={token.colorTextSecondary}>
          {max}
        </text>
        <text
          x={PAD.left - 6}
          y={PAD.top + innerH}
          fontSize={11}
          textAnchor="end"
          fill={token.colorTextSecondary}
        >
          0
        </text>
        <text x={W - PAD.right + 6} y={PAD.top + 4} fontSize={11} fill={token.colorSuccess}>
          100%
        </text>
        <text x={W - PAD.right + 6} y={PAD.top + innerH} fontSize={11} fill={token.colorSuccess}>
          0%
        </text>
        {trend.map((d, i) => (
          <rect
            key={d.day}
            x={x(i) - barW / 2}
            y={yCount(d.responses)}
            width={barW}
            height={Math.max(0, PAD.top + innerH - yCount(d.responses))}
            rx={2}
            fill={token.colorPrimaryBorder}
          >
            <title>
              {t('survey.trendDay', { day: d.day, n: d.responses, share: formatShare(d.satisfaction) })}
            </title>
          </rect>
        ))}
        {points && <polyline points={points} fill="none" stroke={token.colorSuccess} strokeWidth={2} />}
        {trend.map((d, i) =>
          d.satisfaction === null ? null : (
            <circle key={d.day} cx={x(i)} cy={yShare(d.satisfaction)} r={3} fill={token.colorSuccess} />
          ),
        )}
        <text x={PAD.left} y={H - 6} fontSize={11} fill={token.colorTextSecondary}>
          {first.day}
        </text>
        {trend.length > 1 && (
          <text x={W - PAD.right} y={H - 6} fontSize={11} textAnchor="end" fill={token.colorTextSecondary}>
            {last.day}
          </text>
        )}
      </svg>
      <Flex gap={16} wrap style={{ fontSize: 12 }}>
        <Flex align="center" gap={6}>
          <span style={{ width: 12, height: 12, borderRadius: 2, background: token.colorPrimaryBorder }} />
          {t('survey.trendResponses')}
        </Flex>
        <Flex align="center" gap={6}>
          <span style={{ width: 14, height: 2, background: token.colorSuccess }} />
          {t('survey.trendSatisfaction')}
        </Flex>
      </Flex>
      <details>
        <summary style={{ cursor: 'pointer', color: token.colorLink }}>{t('survey.trendTable')}</summary>
        <table style={{ marginTop: 8, borderCollapse: 'collapse', fontVariantNumeric: 'tabular-nums' }}>
          <thead>
            <tr>
              {[t('survey.day'), t('survey.responses'), t('survey.satisfaction')].map((h) => (
                <th key={h} style={{ textAlign: 'start', padding: '2px 16px 2px 0', fontWeight: 500 }}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trend.map((d) => (
              <tr key={d.day}>
                <td style={{ padding: '2px 16px 2px 0' }}>{d.day}</td>
                <td style={{ padding: '2px 16px 2px 0', textAlign: 'end' }}>{d.responses}</td>
                <td style={{ padding: '2px 16px 2px 0', textAlign: 'end' }}>
                  <Typography.Text>{formatShare(d.satisfaction)}</Typography.Text>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </Flex>
  );
}
