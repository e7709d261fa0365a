import { CheckCircleFilled, TrophyFilled } from '@ant-design/icons';
import { Alert, Card, Flex, Progress, Steps, Tag, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../status/format';
import { SELECTION_COLORS, type TSelection } from './model';

type Nominee = TSelection['nominees'][number];
const STEPS: TSelection['status'][] = ['nominating', 'voting', 'published'];

export function SelectionStatusTag({ status }: { status: TSelection['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={SELECTION_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`participation.sel_${status}`)}
    </Tag>
  );
}

export function SelectionCategoryTag({ category }: { category: TSelection['category'] }) {
  const { t } = useTranslation();
  return <Tag style={{ marginInlineEnd: 0 }}>{t(`participation.category_${category}`)}</Tag>;
}

function NomineeCard({
  nominee,
  selection,
  voteButton,
}: {
  nominee: Nominee;
  selection: TSelection;
  voteButton?: ReactNode;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const mine = selection.myVote === nominee.id;
  const share =
    nominee.votes !== null && selection.votesCast > 0 ? (nominee.votes / selection.votesCast) * 100 : null;
  return (
    <Card
      size="small"
      data-testid="nominee"
      style={
        nominee.won ? { borderColor: token.colorSuccessBorder, background: token.colorSuccessBg } : undefined
      }
    >
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
            {nominee.won && <TrophyFilled style={{ color: token.colorWarning }} />}
            <Typography.Text strong>{nominee.name}</Typography.Text>
            {nominee.departmentName && (
              <Typography.Text type="secondary">{nominee.departmentName}</Typography.Text>
            )}
            {nominee.won && <Tag color="success">{t('participation.won')}</Tag>}
            {mine && (
              <Tag icon={<CheckCircleFilled />} color="processing">
                {t('participation.yourVote')}
              </Tag>
            )}
          </Flex>
          {nominee.votes !== null ? (
            <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
              {t('participation.votes', { count: nominee.votes })}
            </Typography.Text>
          ) : (
            voteButton
          )}
        </Flex>
        {nominee.reason && (
          <Typography.Paragraph type="secondary" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
            {nominee.reason}
          </Typography.Paragraph>
        )}
        {share !== null && <Progress percent={Math.round(share)} size="small" showInfo={false} />}
        {nominee.votes !== null && voteButton && <Flex justify="end">{voteButton}</Flex>}
      </Flex>
    </Card>
  );
}

/**
 * One selection: where it stands (nominate → vote → publish), its candidates with tallies once
 * the organisers or everyone may see them, the reader's own vote, and what the app lets them do.
 */
export function SelectionView({
  selection,
  actions,
  voteButton,
  ledgerLink,
  emptyNominees,
}: {
  selection: TSelection;
  /** The organisers' next step (nominate, open the vote, publish). */
  actions?: ReactNode;
  /** Per candidate while voting, for staff who have not voted yet. */
  voteButton?: (nominee: Nominee) => ReactNode;
  ledgerLink?: ReactNode;
  emptyNominees: ReactNode;
}) {
  const { t } = useTranslation();
  const step = STEPS.indexOf(selection.status);
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex vertical gap={12}>
          <Steps
            size="small"
            responsive={false}
            current={step}
            items={STEPS.map((s, i) => ({
              title: t(`participation.step_${s}`),
              status:
                i < step || selection.status === 'published' ? 'finish' : i === step ? 'process' : 'wait',
            }))}
          />
          <Flex gap={8} wrap align="center">
            <SelectionCategoryTag category={selection.category} />
            <SelectionStatusTag status={selection.status} />
            <Typography.Text type="secondary">
              {t('participation.winnersCount', { count: selection.winners })} ·{' '}
              {t('participation.nomineeCount', { count: selection.nominees.length })}
              {selection.status !== 'nominating' && (
                <> · {t('participation.votesCast', { count: selection.votesCast })}</>
              )}
              {selection.publishedAt && (
                <> · {t('participation.publishedOn', { date: formatDate(selection.publishedAt) })}</>
              )}
            </Typography.Text>
          </Flex>
          {actions && (
            <Flex gap={8} wrap>
              {actions}
            </Flex>
          )}
          {selection.status === 'voting' && (
            <Alert
              type={selection.myVote ? 'success' : 'info'}
              showIcon
              title={selection.myVote ? t('participation.alreadyVoted') : t('participation.votingHint')}
              description={
                selection.nominees.every((n) => n.votes === null) ? t('participation.tallyHidden') : undefined
              }
            />
          )}
          {selection.status === 'published' &&
            (selection.evidenceId ? (
              <Alert type="success" showIcon title={t('participation.inLedger')} action={ledgerLink} />
            ) : (
              <Alert type="warning" showIcon title={t('participation.notInLedger')} />
            ))}
        </Flex>
      </Card>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('participation.nominees')}
      </Typography.Title>
      {selection.nominees.length === 0
        ? emptyNominees
        : [...selection.nominees]
            .sort((a, b) => Number(b.won) - Number(a.won) || (b.votes ?? 0) - (a.votes ?? 0))
            .map((n) => (
              <NomineeCard key={n.id} nominee={n} selection={selection} voteButton={voteButton?.(n)} />
            ))}
    </Flex>
  );
}

/** The selections of a unit (or every unit in scope) as cards; a card opens the selection. */
export function SelectionCards({
  items,
  showUnit = false,
  onOpen,
}: {
  items: TSelection[];
  showUnit?: boolean;
  onOpen: (selection: TSelection) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12}>
      {items.map((s) => {
        const winners = s.nominees.filter((n) => n.won).map((n) => n.name);
        return (
          <Card
            key={s.id}
            size="small"
            hoverable
            data-testid="selection"
            onClick={() => onOpen(s)}
            style={{ cursor: 'pointer' }}
          >
            <Flex vertical gap={6}>
              <Flex justify="space-between" align="start" gap={8}>
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <Typography.Text strong>{s.title}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {showUnit && <>{s.unitName} · </>}
                    {t(`participation.category_${s.category}`)} ·{' '}
                    {t('participation.nomineeCount', { count: s.nominees.length })}
                    {s.status !== 'nominating' && (
                      <> · {t('participation.votesCast', { count: s.votesCast })}</>
                    )}
                  </Typography.Text>
                </Flex>
                <SelectionStatusTag status={s.status} />
              </Flex>
              {winners.length > 0 && (
                <Typography.Text>
                  <TrophyFilled style={{ color: '#faad14' }} /> {winners.join('、')}
                </Typography.Text>
              )}
              {s.status === 'voting' && s.myVote && (
                <Typography.Text type="success" style={{ fontSize: 12 }}>
                  <CheckCircleFilled /> {t('participation.alreadyVoted')}
                </Typography.Text>
              )}
            </Flex>
          </Card>
        );
      })}
    </Flex>
  );
}
