import { DownloadOutlined, LockOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TQuestion, TSurveyResults } from '@wenming/domain';
import { Alert, Button, Card, Col, Flex, Progress, Row, Select, Table, Tag, Typography, theme } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { localized } from '../campaign/CampaignFacts';
import { useLanguage } from '../i18n';
import { usePhone } from '../layout/screens';
import { EmptyState, ErrorState, LoadingState } from '../layout/states';
import { formatMean, formatShare, resultsXlsxUrl, type TSurvey } from './model';
import { TrendChart } from './TrendChart';

type QuestionResult = TSurveyResults['questions'][number];
type UnitResult = TSurveyResults['units'][number];

/** All scale answers together: each question's share weighted by how many answered it. */
function overall(questions: QuestionResult[]) {
  const scales = questions.filter((q) => q.kind === 'scale5' && q.answered > 0);
  const n = scales.reduce((sum, q) => sum + q.answered, 0);
  if (n === 0) return { satisfaction: null, mean: null };
  return {
    satisfaction: scales.reduce((sum, q) => sum + (q.satisfaction ?? 0) * q.answered, 0) / n,
    mean: scales.reduce((sum, q) => sum + (q.mean ?? 0) * q.answered, 0) / n,
  };
}

function Figure({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <Flex vertical gap={2}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <span style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.2, fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </span>
      {hint && <span style={{ color: token.colorTextTertiary, fontSize: 12 }}>{hint}</span>}
    </Flex>
  );
}

/** A horizontal bar with its count and share: option counts without a chart library. */
function Bar({ label, count, of }: { label: string; count: number; of: number }) {
  const { token } = theme.useToken();
  const share = of > 0 ? count / of : 0;
  return (
    <Flex vertical gap={2}>
      <Flex justify="space-between" gap={8}>
        <span style={{ minWidth: 0 }}>{label}</span>
        <span
          style={{
            whiteSpace: 'nowrap',
            fontVariantNumeric: 'tabular-nums',
            color: token.colorTextSecondary,
          }}
        >
          {count} · {formatShare(of > 0 ? share : null)}
        </span>
      </Flex>
      <div style={{ height: 8, borderRadius: 4, background: token.colorFillSecondary }}>
        <div
          style={{
            width: `${Math.round(share * 100)}%`,
            height: '100%',
            borderRadius: 4,
            background: token.colorPrimary,
          }}
        />
      </div>
    </Flex>
  );
}

const TEXT_PAGE = 10;

function TextAnswers({ texts }: { texts: string[] | null }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [shown, setShown] = useState(TEXT_PAGE);
  if (texts === null) {
    return (
      <Typography.Text type="secondary">
        <LockOutlined /> {t('survey.textsHidden')}
      </Typography.Text>
    );
  }
  if (texts.length === 0) return <Typography.Text type="secondary">{t('survey.noTexts')}</Typography.Text>;
  return (
    <Flex vertical gap={8}>
      <ol style={{ margin: 0, paddingInlineStart: 24, display: 'grid', gap: 8 }}>
        {texts.slice(0, shown).map((text, i) => (
          <li
            key={i}
            style={{
              whiteSpace: 'pre-wrap',
              paddingBottom: 8,
              borderBottom: `1px solid ${token.colorSplit}`,
            }}
          >
            {text}
          </li>
        ))}
      </ol>
      {texts.length > shown && (
        <Button style={{ alignSelf: 'flex-start' }} onClick={() => setShown((n) => n + TEXT_PAGE * 2)}>
          {t('survey.moreTexts', { n: texts.length - shown })}
        </Button>
      )}
    </Flex>
  );
}

function QuestionCard({ question, result, n }: { question: TQuestion; result: QuestionResult; n: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { token } = theme.useToken();
  const phone = usePhone();
  return (
    <Card
      size="small"
      title={
        <span style={{ whiteSpace: 'normal' }}>
          {n}. {localized(question.title, language)}
        </span>
      }
      extra={!phone && <Tag style={{ marginInlineEnd: 0 }}>{t(`survey.kind_${question.kind}`)}</Tag>}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('survey.answeredN', { n: result.answered })}</Typography.Text>
        {question.kind === 'scale5' && (
          <Flex gap={24} wrap align="center">
            <Progress
              type="dashboard"
              size={96}
              percent={result.satisfaction === null ? 0 : Math.round(result.satisfaction * 100)}
              format={() => formatShare(result.satisfaction)}
              strokeColor={
                result.satisfaction === null || result.satisfaction >= 0.8
                  ? token.colorSuccess
                  : result.satisfaction >= 0.6
                    ? token.colorWarning
                    : token.colorError
              }
              aria-label={t('survey.satisfaction')}
            />
            <Flex vertical gap={4}>
              <span>
                {t('survey.satisfaction')}: <strong>{formatShare(result.satisfaction)}</strong>
              </span>
              <span>
                {t('survey.mean')}: <strong>{formatMean(result.mean)}</strong> / 5
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('survey.satisfactionHint')}
              </Typography.Text>
            </Flex>
          </Flex>
        )}
        {(question.kind === 'single' || question.kind === 'multiple') && (
          <Flex vertical gap={10}>
            {question.options.map((option) => (
              <Bar
                key={option.id}
                label={localized(option.label, language)}
                count={result.options.find((o) => o.id === option.id)?.count ?? 0}
                of={result.answered}
              />
            ))}
          </Flex>
        )}
        {question.kind === 'text' && <TextAnswers texts={result.texts} />}
      </Flex>
    </Card>
  );
}

function UnitsTable({ units, onPick }: { units: UnitResult[]; onPick: (unitId: string) => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  // Units without answers have no score: they sort last either way.
  const byNullable = (key: 'satisfaction' | 'mean') => (a: UnitResult, b: UnitResult) =>
    (a[key] ?? -1) - (b[key] ?? -1);
  return (
    <Table<UnitResult>
      rowKey="unitId"
      size="middle"
      dataSource={units}
      pagination={units.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      onRow={(u) => ({ onClick: () => onPick(u.unitId), style: { cursor: 'pointer' } })}
      showSorterTooltip={false}
      columns={[
        {
          key: 'unit',
          title: t('survey.unit'),
          dataIndex: 'unitName',
          sorter: (a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN'),
          render: (name: string, u) => (
            <Typography.Link
              onClick={(e) => {
                e.stopPropagation();
                onPick(u.unitId);
              }}
            >
              {name}
            </Typography.Link>
          ),
        },
        {
          key: 'responses',
          title: t('survey.responses'),
          dataIndex: 'responses',
          width: phone ? 72 : 110,
          align: 'end',
          sorter: (a, b) => a.responses - b.responses,
        },
        {
          key: 'satisfaction',
          title: t('survey.satisfaction'),
          width: phone ? 80 : 130,
          align: 'end',
          defaultSortOrder: 'descend',
          sorter: byNullable('satisfaction'),
          render: (_, u) => formatShare(u.satisfaction),
        },
        {
          key: 'mean',
          title: t('survey.mean'),
          width: phone ? 64 : 110,
          align: 'end',
          sorter: byNullable('mean'),
          render: (_, u) => formatMean(u.mean),
        },
      ]}
    />
  );
}

/**
 * What respondents said: totals, each unit (office surveys, sortable, a row drills into that
 * unit), each question, the daily trend, and the free-text answers for those allowed to read them.
 */
export function SurveyResults({
  survey,
  unitId,
  onUnitChange,
}: {
  survey: TSurvey;
  unitId: string | undefined;
  onUnitChange: (unitId: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const phone = usePhone();
  const results = useQuery({
    ...trpc.survey.results.queryOptions({ id: survey.id, unitId }),
    placeholderData: keepPreviousData,
  });
  const manyUnits = survey.links.length > 1;
  const size = phone ? ('small' as const) : undefined;

  if (results.isPending) return <LoadingState />;
  if (results.isError) return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  const data = results.data;
  const total = overall(data.questions);
  const unitName = unitId ? survey.links.find((l) => l.unitId === unitId)?.unitName : undefined;

  return (
    <Flex vertical gap={16}>
      <Flex justify="end">
        <Button href={resultsXlsxUrl(survey.id)} icon={<DownloadOutlined />}>
          {t('survey.exportXlsx')}
        </Button>
      </Flex>
      {manyUnits && (
        <Flex gap={8} align="center" wrap>
          <Select
            value={unitId ?? ''}
            onChange={(value) => onUnitChange(value || undefined)}
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('survey.unit')}
            style={{ width: phone ? '100%' : 280 }}
            options={[
              { value: '', label: t('survey.allUnits') },
              ...survey.links.map((l) => ({ value: l.unitId, label: l.unitName })),
            ]}
          />
          {unitId && <Button onClick={() => onUnitChange(undefined)}>{t('survey.backToAllUnits')}</Button>}
        </Flex>
      )}
      <Card size={size}>
        <Row gutter={[24, 16]}>
          <Col xs={12} md={6}>
            <Figure label={t('survey.responses')} value={data.responses} hint={unitName} />
          </Col>
          <Col xs={12} md={6}>
            <Figure
              label={t('survey.satisfaction')}
              value={formatShare(total.satisfaction)}
              hint={t('survey.satisfactionShort')}
            />
          </Col>
          <Col xs={12} md={6}>
            <Figure label={t('survey.mean')} value={formatMean(total.mean)} hint={t('survey.meanHint')} />
          </Col>
          {manyUnits && !unitId && (
            <Col xs={12} md={6}>
              <Figure
                label={t('survey.unitsAnswered')}
                value={`${data.units.filter((u) => u.responses > 0).length}/${data.units.length}`}
              />
            </Col>
          )}
        </Row>
      </Card>

      {data.responses === 0 ? (
        <Card size={size}>
          <EmptyState
            description={survey.status === 'draft' ? t('survey.noResultsDraft') : t('survey.noResults')}
          />
        </Card>
      ) : (
        <>
          {manyUnits && !unitId && (
            <Card size={size} title={t('survey.byUnit')} styles={{ body: { padding: 0 } }}>
              <UnitsTable units={data.units} onPick={onUnitChange} />
            </Card>
          )}
          <Card size={size} title={t('survey.trend')}>
            <TrendChart trend={data.trend} />
          </Card>
          <Flex vertical gap={12}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('survey.byQuestion')}
            </Typography.Title>
            {data.questions.some((q) => q.kind === 'text' && q.texts === null) && (
              <Alert type="info" showIcon title={t('survey.textsHiddenBanner')} />
            )}
            {survey.questions.map((question, i) => {
              const result = data.questions.find((r) => r.id === question.id);
              return result ? (
                <QuestionCard key={question.id} question={question} result={result} n={i + 1} />
              ) : null;
            })}
          </Flex>
        </>
      )}
    </Flex>
  );
}
