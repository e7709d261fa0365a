import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZDecide } from '@wenming/domain';
import {
  certificateUrl,
  chinaDate,
  ErrorState,
  formatDate,
  LoadingState,
  OutcomeTag,
  PageContainer,
  positiveOutcome,
  ResultPanel,
  type TAssessment,
  useErrorMessage,
  useToast,
  useTRPC,
  useZodRule,
} from '@wenming/ui';
import { Alert, Button, Card, Col, Descriptions, Flex, Form, Input, Popconfirm, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { conferralBlockers } from './blockers';
import { NoticeCard } from './NoticeCard';
import { DecisionDocFields } from './WorkspaceForm';

interface Values {
  outcome: 'conferral' | 'renewal' | 'rejection';
  decisionNo: string;
  decidedOn: string;
  reason?: string;
}

function DecideForm({ assessment }: { assessment: TAssessment }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const rule = useZodRule();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const positive = positiveOutcome(assessment.kind);
  const outcome = Form.useWatch('outcome', form) ?? positive;
  const decidedOn = Form.useWatch('decidedOn', form) || chinaDate();
  const blockers = conferralBlockers(assessment, decidedOn);
  const decide = useMutation(
    trpc.decision.decide.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.assessment.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.status.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.unit.pathKey() });
        toast.success(t('assessment.decidedToast'));
      },
    }),
  );
  const outcomeLabel = t(`assessment.outcome_${positive}`);
  return (
    <Card size="small" title={t('assessment.decide')}>
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={decide.isPending}
        initialValues={{ outcome: positive, decidedOn: chinaDate(), decisionNo: '', reason: '' }}
        onFinish={(v) =>
          decide.mutate({
            campaignId: assessment.campaignId,
            outcome: v.outcome,
            decisionNo: v.decisionNo.trim(),
            decidedOn: v.decidedOn,
            reason: v.reason?.trim() ?? '',
          })
        }
      >
        <Form.Item name="outcome" label={t('assessment.outcome')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[positive, 'rejection' as const].map((o) => ({
              value: o,
              label: t(`assessment.outcome_${o}`),
            }))}
          />
        </Form.Item>
        {outcome !== 'rejection' &&
          (blockers.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              data-testid="blockers"
              title={t('assessment.blockers', { outcome: outcomeLabel })}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {blockers.map((b) => (
                    <li key={b.code}>{t(`errors.${b.code}`, b.params)}</li>
                  ))}
                </ul>
              }
              style={{ marginBottom: 16 }}
            />
          ) : (
            <Alert
              type="success"
              showIcon
              title={t('assessment.ready', { outcome: outcomeLabel })}
              style={{ marginBottom: 16 }}
            />
          ))}
        {outcome === 'rejection' && (
          <Alert type="info" showIcon title={t('assessment.rejectionAlways')} style={{ marginBottom: 16 }} />
        )}
        <DecisionDocFields schema={ZDecide.shape.decisionNo} />
        <Form.Item
          name="reason"
          label={t('assessment.reason')}
          rules={[
            ...rule(ZDecide.shape.reason),
            { required: outcome === 'rejection', whitespace: true, message: t('assessment.reasonRequired') },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={1000}
            showCount
            placeholder={t('assessment.reasonPlaceholder')}
          />
        </Form.Item>
        {decide.error && (
          <Alert type="error" showIcon title={errorMessage(decide.error)} style={{ marginBottom: 12 }} />
        )}
        <Popconfirm
          title={t('assessment.decideSubmit')}
          description={<div style={{ maxWidth: 300 }}>{t('assessment.decideConfirm')}</div>}
          okText={t('assessment.decideSubmit')}
          cancelText={t('common.cancel')}
          onConfirm={() => form.submit()}
        >
          <Button type="primary" loading={decide.isPending} danger={outcome === 'rejection'}>
            {t('assessment.decideSubmit')}
          </Button>
        </Popconfirm>
      </Form>
    </Card>
  );
}

function Decided({ assessment }: { assessment: TAssessment }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const d = assessment.decision!;
  return (
    <Card
      size="small"
      title={t('assessment.alreadyDecided', { date: formatDate(d.decidedOn) })}
      extra={
        d.outcome !== 'rejection' && (
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            onClick={() => navigate(certificateUrl(d.id))}
          >
            {t('assessment.viewCertificate')}
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'outcome', label: t('assessment.outcome'), children: <OutcomeTag outcome={d.outcome} /> },
          { key: 'no', label: t('assessment.decisionNo'), children: d.decisionNo },
          { key: 'on', label: t('assessment.decidedOn'), children: formatDate(d.decidedOn) },
          ...(d.termStartYear !== null
            ? [
                {
                  key: 'term',
                  label: t('assessment.term'),
                  children: t('assessment.termValue', { start: d.termStartYear, end: d.termEndYear }),
                },
              ]
            : []),
          ...(d.reason ? [{ key: 'reason', label: t('assessment.reason'), children: d.reason }] : []),
        ]}
      />
    </Card>
  );
}

/** 命名决定: the notice and objections, every reason a conferral is blocked, and the decision itself. */
export default function DecisionPage() {
  const { campaignId = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const query = useQuery(trpc.assessment.get.queryOptions({ campaignId }));
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;
  const workspace = `/assessment/${campaignId}`;
  return (
    <PageContainer
      title={t('assessment.decisionTitle', { unit: a.unit.name })}
      backTo={workspace}
      breadcrumb={[
        { title: t('assessment.title'), path: '/assessment' },
        { title: a.unit.name, path: workspace },
        { title: t('assessment.decision') },
      ]}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={13}>
          <Flex vertical gap={16}>
            {a.decision ? (
              <Decided assessment={a} />
            ) : a.me.canManage && a.phase === 'under_assessment' ? (
              <DecideForm assessment={a} />
            ) : (
              <Alert type="info" showIcon title={t('assessment.notUnderAssessment')} />
            )}
            <NoticeCard assessment={a} today={chinaDate()} />
          </Flex>
        </Col>
        <Col xs={24} lg={11}>
          <Card
            size="small"
            title={t('assessment.result')}
            extra={<Link to={workspace}>{t('assessment.workspace')}</Link>}
          >
            <ResultPanel {...a} narrow />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
