import { useMutation } from '@tanstack/react-query';
import {
  type CampaignKind,
  campaignTargets,
  checkOpening,
  MAX_TERM_YEARS,
  type StatusLevel,
  type TUnit,
  ZOpenCampaign,
} from '@wenming/domain';
import {
  apiErrorInfo,
  loadWorkStrings,
  StatusLevelTag,
  useErrorMessage,
  useToast,
  useTRPC,
  useZodRule,
  useZodSubmit,
} from '@wenming/ui';
import { Alert, Button, Col, Flex, Form, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useInvalidateCampaign } from './useInvalidateCampaign';

loadWorkStrings();

interface Values {
  kind?: CampaignKind;
  targetLevel?: StatusLevel;
  termStartYear?: number;
  termEndYear?: number;
}

/** Why the server refused, in words: each opening problem, or the missing framework publication. */
function RefusalReasons({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const info = apiErrorInfo(error);
  if (info.appCode === 'FRAMEWORK_NOT_PUBLISHED') {
    const level = String(info.params.level ?? '');
    const type = String(info.params.unitType ?? '');
    return (
      <Alert
        type="error"
        showIcon
        title={t('campaign.frameworkNotPublished', {
          level: t(`level.${level}`),
          type: t(`unitType.${type}`),
        })}
        description={t('campaign.frameworkNotPublishedHint')}
      />
    );
  }
  const problems = (info.params.problems ?? []) as string[];
  return (
    <Alert
      type="error"
      showIcon
      title={errorMessage(error)}
      description={
        problems.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {problems.map((p) => (
              <li key={p}>{t(`campaign.problem_${p}`, { years: MAX_TERM_YEARS })}</li>
            ))}
          </ul>
        )
      }
    />
  );
}

/** 开启创建周期: renewal keeps the unit's level, an upgrade aims at the next one. */
export function OpenCampaignForm({ unit }: { unit: TUnit }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const toast = useToast();
  const rule = useZodRule();
  const zodSubmit = useZodSubmit();
  const invalidate = useInvalidateCampaign();
  const [form] = Form.useForm<Values>();
  const targets = campaignTargets(unit.level);
  const kind = Form.useWatch('kind', form);
  const options = kind ? targets[kind] : [];
  const year = new Date().getFullYear();
  const defaultKind: CampaignKind = targets.renewal.length > 0 ? 'renewal' : 'upgrade';

  const open = useMutation(
    trpc.campaign.open.mutationOptions({
      onSuccess: () => {
        toast.success(t('campaign.openedToast'));
        invalidate();
      },
      onError: (error) => {
        if (apiErrorInfo(error).appCode === 'CAMPAIGN_ALREADY_OPEN') invalidate();
      },
    }),
  );

  const submit = (values: Values) => {
    const input = zodSubmit(form, ZOpenCampaign, { ...values, unitId: unit.id });
    if (!input) return;
    // The same rules the server applies, checked first so the answer comes in place.
    const problems = checkOpening({
      current: unit.level,
      kind: input.kind,
      target: input.targetLevel,
      termStartYear: input.termStartYear,
      termEndYear: input.termEndYear,
      hasOpenCampaign: false,
    });
    const term = problems.find((p) => p.code === 'TERM_INVALID');
    if (term) {
      form.setFields([
        { name: 'termEndYear', errors: [t('campaign.problem_TERM_INVALID', { years: MAX_TERM_YEARS })] },
      ]);
      return;
    }
    open.mutate(input);
  };
  const shape = ZOpenCampaign.shape;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={open.isPending}
      initialValues={{
        kind: defaultKind,
        targetLevel: targets[defaultKind][0],
        termStartYear: year + 1,
        termEndYear: year + 3,
      }}
      onValuesChange={(changed: Values) => {
        if (changed.kind) form.setFieldValue('targetLevel', targets[changed.kind][0]);
      }}
      onFinish={submit}
    >
      <Flex vertical gap={4} style={{ marginBottom: 16 }}>
        <Typography.Text>
          {t('campaign.currentLevel')} <StatusLevelTag level={unit.level} />
        </Typography.Text>
        <Typography.Text type="secondary">{t('campaign.openHint')}</Typography.Text>
      </Flex>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('campaign.kind')} rules={rule(shape.kind, {}, true)}>
            <Radio.Group
              optionType="button"
              options={(['renewal', 'upgrade'] as const).map((k) => ({
                value: k,
                label: t(`campaignKind.${k}`),
                disabled: targets[k].length === 0,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="targetLevel"
            label={t('campaign.target')}
            rules={rule(shape.targetLevel, {}, true)}
            extra={kind === 'renewal' ? t('campaign.renewalHint') : t('campaign.upgradeHint')}
          >
            <Select options={options.map((l) => ({ value: l, label: t(`level.${l}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="termStartYear"
            label={t('campaign.termStart')}
            rules={rule(shape.termStartYear, {}, true)}
          >
            <InputNumber min={1949} max={2200} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="termEndYear"
            label={t('campaign.termEnd')}
            rules={rule(shape.termEndYear, {}, true)}
          >
            <InputNumber min={1949} max={2200} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {open.isError && (
        <div style={{ marginBottom: 16 }}>
          <RefusalReasons error={open.error} />
        </div>
      )}
      <Button type="primary" htmlType="submit" loading={open.isPending}>
        {t('campaign.open')}
      </Button>
    </Form>
  );
}
