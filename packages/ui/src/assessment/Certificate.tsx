import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n';
import { dayjs } from '../i18n/dayjs';
import type { TDecision } from './model';

/**
 * Print only the certificate: a copy of it sits directly under <body>, shown alone in print,
 * so neither the app's menu nor the page's height spill onto extra sheets. The font stack names
 * the CJK serif faces office computers have (Noto/Source Han on Linux, Songti on macOS, SimSun
 * on Windows), so the printed page looks like the paper certificates offices hand out.
 */
const PRINT_CSS = `
@page { size: A4 landscape; margin: 12mm; }
.wm-certificate-print { display: none; }
@media print {
  body > *:not(.wm-certificate-print) { display: none !important; }
  .wm-certificate-print { display: block; }
  .wm-certificate-print .wm-certificate { box-shadow: none !important; height: 180mm; aspect-ratio: auto !important; }
}`;

const SERIF = '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "STSong", "SimSun", serif';

function Sheet({ decision, onScreen = false }: { decision: TDecision; onScreen?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = t(`assessment.certTitle_${decision.level}`);
  const date = dayjs(decision.decidedOn).format(language === 'en' ? 'D MMMM YYYY' : 'YYYY年M月D日');
  return (
    <div
      className="wm-certificate"
      data-testid={onScreen ? 'certificate' : undefined}
      style={{
        width: '100%',
        maxWidth: 960,
        aspectRatio: '297 / 210',
        background: '#fffdf7',
        border: '10px double #b71c1c',
        boxShadow: '0 2px 12px rgba(0,0,0,0.12)',
        padding: 'clamp(16px, 5%, 56px)',
        fontFamily: SERIF,
        color: '#1f1f1f',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        boxSizing: 'border-box',
      }}
    >
      <div
        style={{
          textAlign: 'center',
          color: '#b71c1c',
          fontSize: 'clamp(24px, 5vw, 52px)',
          fontWeight: 700,
          letterSpacing: language === 'en' ? 2 : 16,
        }}
      >
        {title}
      </div>
      <div style={{ fontSize: 'clamp(14px, 2.2vw, 24px)', lineHeight: 1.9 }}>
        <div style={{ fontWeight: 700 }}>{t('assessment.certPreamble', { unit: decision.unitName })}</div>
        <div style={{ textIndent: language === 'en' ? 0 : '2em' }}>
          {t(decision.outcome === 'renewal' ? 'assessment.certRenewal' : 'assessment.certConferral', {
            title,
          })}
        </div>
        {decision.termStartYear !== null && (
          <div style={{ textIndent: language === 'en' ? 0 : '2em' }}>
            {t('assessment.certTerm', { start: decision.termStartYear, end: decision.termEndYear })}
          </div>
        )}
      </div>
      <Flex
        justify="space-between"
        align="end"
        wrap
        gap={12}
        style={{ fontSize: 'clamp(12px, 1.8vw, 20px)' }}
      >
        <span>{t('assessment.certNo', { no: decision.decisionNo })}</span>
        <Flex vertical align="end">
          <span style={{ fontWeight: 700 }}>{decision.officeName}</span>
          <span>{date}</span>
        </Flex>
      </Flex>
    </div>
  );
}

/** A conferral or renewal certificate, ready to print from the browser. */
export function Certificate({ decision }: { decision: TDecision }) {
  const { t } = useTranslation();
  if (decision.outcome === 'rejection')
    return <Alert type="info" showIcon title={t('assessment.certNotConferred')} />;
  return (
    <Flex vertical gap={12} align="center">
      <style>{PRINT_CSS}</style>
      <Flex gap={8} align="center" wrap justify="center">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('assessment.print')}
        </Button>
        <Typography.Text type="secondary">{t('assessment.printHint')}</Typography.Text>
      </Flex>
      <Sheet decision={decision} onScreen />
      {createPortal(
        <div className="wm-certificate-print">
          <Sheet decision={decision} />
        </div>,
        document.body,
      )}
    </Flex>
  );
}
