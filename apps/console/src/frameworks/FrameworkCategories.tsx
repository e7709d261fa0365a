import type { TFrameworkCategory, TFrameworkDetail, TFrameworkIndicator } from '@wenming/domain';
import { loadWorkStrings, localized, useLanguage, useScreen } from '@wenming/ui';
import { Collapse, Flex, Tag, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ReconstructedMark } from './ReconstructedMark';

loadWorkStrings();

/** Beside a field's label or value: this field was reconstructed, it is not official text. */
function ReconstructedDot() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <span
      role="img"
      aria-label={t('framework.reconstructed')}
      title={t('framework.reconstructed')}
      style={{ color: token.colorWarning, marginInlineStart: 4 }}
    >
      ●
    </span>
  );
}

/** A field of an indicator; a field listed as reconstructed carries a dot beside its label. */
function Field({
  label,
  reconstructed,
  children,
}: {
  label: string;
  reconstructed: boolean;
  children: ReactNode;
}) {
  const phone = !useScreen('sm');
  return (
    <Flex vertical={phone} gap={phone ? 2 : 12}>
      <Typography.Text type="secondary" style={{ flex: '0 0 88px', whiteSpace: 'nowrap' }}>
        {label}
        {reconstructed && <ReconstructedDot />}
      </Typography.Text>
      <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
    </Flex>
  );
}

function Indicator({ indicator, first }: { indicator: TFrameworkIndicator; first: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { token } = theme.useToken();
  const marked = (field: string) =>
    indicator.reconstructed === true || (indicator.reconstructedFields ?? []).includes(field);
  return (
    <Flex
      vertical
      gap={8}
      style={{ paddingBlock: 12, borderTop: first ? undefined : `1px solid ${token.colorSplit}` }}
      data-indicator={indicator.code}
    >
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>
          {indicator.code} {localized(indicator.name, language)}
        </Typography.Text>
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          {t('framework.pointsValue', { points: indicator.points })}
          {marked('points') && <ReconstructedDot />}
        </Tag>
        {indicator.veto && (
          <Tag color="red" style={{ marginInlineEnd: 0 }}>
            {t('framework.veto')}
          </Tag>
        )}
        <ReconstructedMark part={indicator} />
      </Flex>
      <Field label={t('framework.field_criteria')} reconstructed={marked('criteria')}>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {localized(indicator.criteria, language)}
        </Typography.Paragraph>
      </Field>
      <Field label={t('framework.field_method')} reconstructed={marked('method')}>
        {localized(indicator.method, language)}
      </Field>
      <Field label={t('framework.field_evidence')} reconstructed={marked('evidence')}>
        {indicator.evidence.length === 0 ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : (
          <Flex gap={6} wrap>
            {indicator.evidence.map((e) => (
              <Tag key={e} style={{ marginInlineEnd: 0, whiteSpace: 'normal', maxWidth: '100%' }}>
                {e}
              </Tag>
            ))}
          </Flex>
        )}
        {indicator.evidenceSource && (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
            {t('framework.evidenceSource', { source: indicator.evidenceSource })}
          </Typography.Text>
        )}
      </Field>
    </Flex>
  );
}

function CategoryLabel({ category, special }: { category: TFrameworkCategory; special: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text strong>
        {category.code} {localized(category.name, language)}
      </Typography.Text>
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {t('framework.pointsValue', { points: category.points })}
        {(category.reconstructedFields ?? []).includes('points') && <ReconstructedDot />}
      </Tag>
      <Typography.Text type="secondary">
        {t('framework.indicatorCount', { n: category.indicators.length })}
      </Typography.Text>
      {special && (
        <Tag color="purple" style={{ marginInlineEnd: 0 }}>
          {t('framework.special')}
        </Tag>
      )}
      <ReconstructedMark part={category} />
    </Flex>
  );
}

/** Categories → indicators with points, criteria, method, evidence, veto and reconstruction marks. */
export function FrameworkCategories({ detail }: { detail: TFrameworkDetail }) {
  const special = new Set(detail.specialCategories);
  return (
    <Collapse
      defaultActiveKey={detail.file.categories.map((c) => c.code)}
      items={detail.file.categories.map((category) => ({
        key: category.code,
        label: <CategoryLabel category={category} special={special.has(category.code)} />,
        children: (
          <div style={{ marginBlock: -12 }}>
            {category.indicators.map((indicator, i) => (
              <Indicator key={indicator.code} indicator={indicator} first={i === 0} />
            ))}
          </div>
        ),
      }))}
    />
  );
}
