import {
  DownloadOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { TEvidence } from '@wenming/domain';
import {
  Alert,
  Card,
  Col,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Image,
  Row,
  Tag,
  Timeline,
  Tooltip,
  Typography,
  theme,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { usePhone } from '../layout/screens';
import { EmptyState, ErrorState, LoadingState } from '../layout/states';
import { formatDate, formatDateTime } from '../status/format';
import { EvidenceKindTag, LagBadge } from './tags';
import { attachmentUrl, formatBytes } from './urls';

const ACTION_COLORS = { create: 'green', revise: 'blue', retract: 'red' } as const;

function FileIcon({ mime }: { mime: string }) {
  if (mime === 'application/pdf') return <FilePdfOutlined />;
  if (mime.startsWith('image/')) return <FileImageOutlined />;
  return <FileOutlined />;
}

/** Files of an item: photos as thumbnails that open larger, everything as a download. */
export function EvidenceAttachments({ item }: { item: TEvidence }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  if (item.attachments.length === 0) return <EmptyState description={t('ledger.no_files_hint')} />;
  const images = item.attachments.filter((a) => a.mime.startsWith('image/') && a.mime !== 'image/heic');
  return (
    <Flex vertical gap={12}>
      {images.length > 0 && (
        <Image.PreviewGroup>
          <Flex gap={8} wrap>
            {images.map((a) => (
              <Image
                key={a.position}
                src={attachmentUrl(item.id, a.position)}
                alt={a.name}
                width={96}
                height={96}
                style={{
                  objectFit: 'cover',
                  borderRadius: token.borderRadius,
                  border: `1px solid ${token.colorBorderSecondary}`,
                  imageRendering: 'auto',
                }}
              />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
      <Flex vertical gap={4}>
        {item.attachments.map((a) => (
          <Flex key={a.position} justify="space-between" align="center" gap={8}>
            <Typography.Link
              href={attachmentUrl(item.id, a.position)}
              download={a.name}
              style={{ minWidth: 0, wordBreak: 'break-all' }}
            >
              <FileIcon mime={a.mime} /> {a.name}
            </Typography.Link>
            <Flex gap={8} align="center" style={{ whiteSpace: 'nowrap' }}>
              <Tooltip title={t('ledger.sha256_hint', { hash: a.sha256 })}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatBytes(a.bytes)}
                </Typography.Text>
              </Tooltip>
              <Typography.Link
                href={attachmentUrl(item.id, a.position)}
                download={a.name}
                aria-label={t('ledger.download_of', { name: a.name })}
              >
                <DownloadOutlined />
              </Typography.Link>
            </Flex>
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
}

/** Every event of an item, oldest first: who filed, revised or retracted it, when, and its chain hash. */
export function EvidenceHistory({ evidenceId }: { evidenceId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const history = useQuery(trpc.evidence.history.queryOptions({ id: evidenceId }));
  if (history.isPending) return <LoadingState />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <SafetyCertificateOutlined /> {t('ledger.history_hint')}
      </Typography.Text>
      <Timeline
        items={history.data.items.map((e) => ({
          key: e.seq,
          color: ACTION_COLORS[e.action],
          content: (
            <Flex vertical gap={2}>
              <Typography.Text strong>
                {t(`ledger.action_${e.action}`)} · {t('ledger.revision_n', { n: e.revision })}
              </Typography.Text>
              {e.action === 'revise' && <Typography.Text>{e.title}</Typography.Text>}
              {e.reason && <Typography.Text>{t('ledger.reason_is', { reason: e.reason })}</Typography.Text>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[formatDateTime(e.at), e.actorName ?? t('ledger.system')].join(' · ')}
              </Typography.Text>
              <Tooltip title={e.hash}>
                <Typography.Text type="secondary" code style={{ fontSize: 11, alignSelf: 'start' }}>
                  {`${e.hash.slice(0, 12)}…`}
                </Typography.Text>
              </Tooltip>
            </Flex>
          ),
        }))}
      />
    </Flex>
  );
}

/** What an evidence item records, what it proves (indicators, tasks), its files and its history. */
export function EvidenceDetail({ item }: { item: TEvidence }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const none = t('common.none');
  const facts: DescriptionsProps['items'] = [
    { key: 'kind', label: t('ledger.kind'), children: <EvidenceKindTag kind={item.kind} /> },
    { key: 'eventDate', label: t('ledger.event_date'), children: formatDate(item.eventDate) },
    {
      key: 'captured',
      label: t('ledger.captured_at'),
      children: (
        <Flex gap={8} wrap align="center">
          {formatDateTime(item.capturedAt)}
          <LagBadge lagDays={item.lagDays} />
        </Flex>
      ),
    },
    { key: 'department', label: t('ledger.department'), children: item.departmentName ?? none },
    { key: 'keeper', label: t('ledger.keeper'), children: item.keeper ?? none },
    ...(item.kind === 'activity' || item.participants !== null || item.place
      ? [
          { key: 'participants', label: t('ledger.participants'), children: item.participants ?? none },
          { key: 'place', label: t('ledger.place'), children: item.place ?? none },
        ]
      : []),
    { key: 'revision', label: t('ledger.revision'), children: t('ledger.revision_n', { n: item.revision }) },
  ];
  return (
    <Flex vertical gap={16}>
      {item.retracted && (
        <Alert
          type="warning"
          showIcon
          title={t('ledger.retracted_notice')}
          description={item.retractReason ? t('ledger.reason_is', { reason: item.retractReason }) : undefined}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('ledger.content')}>
              <Flex vertical gap={12}>
                <Descriptions size="small" column={phone ? 1 : 2} items={facts} />
                {item.description && (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                    {item.description}
                  </Typography.Paragraph>
                )}
              </Flex>
            </Card>
            <Card size="small" title={t('ledger.linked_indicators')}>
              {item.indicators.length === 0 ? (
                <Typography.Text type="secondary">{t('ledger.no_indicators')}</Typography.Text>
              ) : (
                <Flex vertical gap={12}>
                  {item.indicators.map((i) => (
                    <Flex key={i.id} vertical gap={4}>
                      <Typography.Text strong>
                        {i.code} {i.name}
                      </Typography.Text>
                      {i.materials.length > 0 && (
                        <Flex gap={4} wrap>
                          {i.materials.map((m) => (
                            <Tag key={m} color="success" style={{ marginInlineEnd: 0 }}>
                              {m}
                            </Tag>
                          ))}
                        </Flex>
                      )}
                      {i.explanation && (
                        <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                          {i.explanation}
                        </Typography.Text>
                      )}
                    </Flex>
                  ))}
                </Flex>
              )}
              {item.tasks.length > 0 && (
                <Flex vertical gap={4} style={{ marginTop: 12 }}>
                  <Typography.Text type="secondary">{t('ledger.tasks')}</Typography.Text>
                  {item.tasks.map((task) => (
                    <Typography.Text key={task.id}>{task.title}</Typography.Text>
                  ))}
                </Flex>
              )}
            </Card>
            <Card size="small" title={t('ledger.files_n', { n: item.attachments.length })}>
              <EvidenceAttachments item={item} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('ledger.history')}>
            <EvidenceHistory evidenceId={item.id} />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
