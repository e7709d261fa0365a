import { useMutation } from '@tanstack/react-query';
import { DUTY_PERIODS, EVIDENCE_KINDS, type TCampaign, ZCreateDuty } from '@wenming/domain';
import {
  type LedgerCategory,
  useApplyFieldErrors,
  useErrorMessage,
  useToast,
  useTRPC,
  useZodRule,
  useZodSubmit,
} from '@wenming/ui';
import { Alert, Col, Form, Input, Modal, Row, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { today } from './evidence-values';
import { useInvalidateLedger } from './useInvalidateLedger';

interface Values {
  title?: string;
  period?: string;
  evidenceKind?: string;
  indicatorCodes?: string[];
  startsOn?: string;
}

const FIELDS = ['title', 'period', 'evidenceKind', 'indicatorCodes', 'startsOn'];

/** A recurring duty of the unit's own (每季度召开一次创建工作会议…), met by evidence filed in each period. */
export default function DutyFormModal({
  campaign,
  categories,
  onClose,
}: {
  campaign: TCampaign;
  categories: LedgerCategory[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const toast = useToast();
  const rule = useZodRule();
  const zodSubmit = useZodSubmit();
  const applyFieldErrors = useApplyFieldErrors();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateLedger();
  const [form] = Form.useForm<Values>();
  const create = useMutation(
    trpc.duty.create.mutationOptions({
      onSuccess: () => {
        invalidate();
        toast.success(t('common.created'));
        onClose();
      },
      onError: (error) => applyFieldErrors(form, error, FIELDS),
    }),
  );
  const submit = (values: Values) => {
    const input = zodSubmit(form, ZCreateDuty, {
      campaignId: campaign.id,
      title: values.title,
      period: values.period,
      evidenceKind: values.evidenceKind ?? null,
      indicatorCodes: values.indicatorCodes ?? [],
      startsOn: values.startsOn,
    });
    if (input) create.mutate(input);
  };
  const shape = ZCreateDuty.shape;
  const treeData = categories.map((c) => ({
    value: `category:${c.code}`,
    title: `${c.code} ${c.name}`,
    selectable: false,
    children: c.indicators.map((i) => ({ value: i.code, title: `${i.code} ${i.name}` })),
  }));
  return (
    <Modal
      open
      title={t('ledger.duty_add')}
      okText={t('common.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      mask={{ closable: false }}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ period: 'quarterly', startsOn: `${today().slice(0, 8)}01`, indicatorCodes: [] }}
        onFinish={submit}
        disabled={create.isPending}
        style={{ marginTop: 16 }}
      >
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item name="title" label={t('ledger.duty_title')} rules={rule(shape.title, {}, true)}>
              <Input maxLength={200} placeholder={t('ledger.duty_title_placeholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="period" label={t('ledger.duty_period')} rules={rule(shape.period, {}, true)}>
              <Select
                options={DUTY_PERIODS.map((p) => ({ value: p, label: t(`ledger.duty_period_${p}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="startsOn"
              label={t('ledger.duty_starts_on')}
              rules={rule(shape.startsOn, {}, true)}
            >
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="evidenceKind" label={t('ledger.duty_kind')} extra={t('ledger.duty_kind_hint')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('ledger.all_kinds')}
                options={EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`ledger.kind_${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="indicatorCodes"
              label={t('ledger.duty_indicators')}
              extra={t('ledger.duty_indicators_hint')}
            >
              <TreeSelect
                multiple
                treeData={treeData}
                treeDefaultExpandAll
                showSearch={{ treeNodeFilterProp: 'title' }}
                placeholder={t('ledger.all_indicators')}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          </Col>
        </Row>
        {create.error && !form.getFieldsError().some((f) => f.errors.length) && (
          <Alert type="error" showIcon title={errorMessage(create.error)} />
        )}
      </Form>
    </Modal>
  );
}
